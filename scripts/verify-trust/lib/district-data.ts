import postgres from "postgres";
import { DEMO_DISTRICTS } from "@/scripts/seed";
import type { DistrictSecrets } from "./leaks";

/**
 * What the authorization check and the crawl know about each demo district, read from the
 * database as the owner role inside each district (FORCE ROW LEVEL SECURITY filters the owner
 * too, so every read sets the district first, as `withTenant` does).
 */
export interface DistrictData extends DistrictSecrets {
  slug: string;
  /** One id per tenant table (by table name), to put into routes' `[id]` segments. */
  sampleIds: ReadonlyMap<string, string>;
  /** Up to five ids per tenant table, for the full run's more thorough probing. */
  someIds: ReadonlyMap<string, readonly string[]>;
}

export interface DemoDistricts {
  mapleGrove: DistrictData;
  cedarRidge: DistrictData;
}

type Sql = postgres.Sql;

async function tenantTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ table_name: string }[]>`
    select c.table_name from information_schema.columns c
    join information_schema.columns i
      on i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id'
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'intervention' and c.column_name = 'tenant_id'
    order by c.table_name`;
  return rows.map((row) => row.table_name);
}

async function readDistrict(sql: Sql, slug: string, tables: string[]) {
  const [district] = await sql<{ id: string }[]>`
    select id from intervention.districts where slug = ${slug}`;
  if (!district) throw new Error(`No district ${slug}: is the demo data loaded?`);
  return sql.begin(async (tx) => {
    await tx`select set_config('app.current_tenant', ${district.id}, true)`;
    const ids = new Set<string>([district.id]);
    const sampleIds = new Map<string, string>();
    const someIds = new Map<string, string[]>();
    for (const table of tables) {
      const rows = await tx<{ id: string }[]>`
        select id::text as id from ${tx("intervention")}.${tx(table)}
        where tenant_id = ${district.id} order by id`;
      for (const row of rows) ids.add(row.id.toLowerCase());
      if (rows[0]) sampleIds.set(table, rows[0].id);
      // Spread over the table: the first, and others at even steps.
      const step = Math.max(1, Math.floor(rows.length / 5));
      someIds.set(
        table,
        rows
          .filter((_, index) => index % step === 0)
          .slice(0, 5)
          .map((row) => row.id),
      );
    }
    const students = await tx<{ name: string }[]>`
      select distinct first_name || ' ' || last_name as name from intervention.students
      where tenant_id = ${district.id}`;
    return {
      districtId: district.id,
      ids,
      sampleIds,
      someIds,
      names: students.map((row) => row.name),
    };
  });
}

/** Both demo districts' ids and student names; a name the two share is no evidence and is left out. */
export async function readDemoDistricts(ownerUrl: string): Promise<DemoDistricts> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await tenantTables(sql);
    const maple = await readDistrict(sql, DEMO_DISTRICTS.mapleGrove.slug, tables);
    const cedar = await readDistrict(sql, DEMO_DISTRICTS.cedarRidge.slug, tables);
    const shared = new Set(maple.names.filter((name) => cedar.names.includes(name)));
    const data = (slug: string, read: typeof maple): DistrictData => ({
      slug,
      districtId: read.districtId,
      ids: read.ids,
      sampleIds: read.sampleIds,
      someIds: read.someIds,
      studentNames: read.names.filter((name) => !shared.has(name)),
    });
    return {
      mapleGrove: data(DEMO_DISTRICTS.mapleGrove.slug, maple),
      cedarRidge: data(DEMO_DISTRICTS.cedarRidge.slug, cedar),
    };
  } finally {
    await sql.end();
  }
}

/**
 * What a parent must not see inside their own district: the other families' children, by id and
 * by name (a name one of their own children shares is left out). Read like the rest, as the owner
 * inside the district.
 */
export async function readOtherFamilies(
  ownerUrl: string,
  parentEmail: string,
): Promise<DistrictSecrets> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [district] = await sql<{ id: string }[]>`
      select id from intervention.districts where slug = ${DEMO_DISTRICTS.mapleGrove.slug}`;
    if (!district) throw new Error("No Maple Grove: is the demo data loaded?");
    return await sql.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${district.id}, true)`;
      const rows = await tx<{ id: string; name: string; mine: boolean }[]>`
        select s.id::text as id, s.first_name || ' ' || s.last_name as name,
               exists (
                 select 1 from intervention.student_guardians sg
                 join intervention.users u on u.guardian_id = sg.guardian_id and u.tenant_id = sg.tenant_id
                 where sg.tenant_id = s.tenant_id and sg.student_id = s.id and lower(u.email) = lower(${parentEmail})
               ) as mine
        from intervention.students s where s.tenant_id = ${district.id}`;
      const mine = new Set(rows.filter((row) => row.mine).map((row) => row.name));
      if (mine.size === 0) throw new Error(`${parentEmail} has no children in the demo`);
      const others = rows.filter((row) => !row.mine);
      return {
        districtId: district.id,
        ids: new Set(others.map((row) => row.id.toLowerCase())),
        studentNames: [...new Set(others.map((row) => row.name))].filter((name) => !mine.has(name)),
      };
    });
  } finally {
    await sql.end();
  }
}
