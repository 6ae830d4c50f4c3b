import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { findSignInAccount } from "@/db/queries/users";
import { APP_ROLE, OWNER_ROLE, urlForRole, WORKER_ROLE } from "@/db/roles";
import { withTenant } from "@/db/with-tenant";
import { DEMO_ACCOUNTS } from "@/scripts/seed/accounts";

/**
 * What each database role may do to the records a district must be able to trust (issue 14):
 * the audit log is append-only for every role, the FERPA record tables are written once, the
 * workers' role is as unprivileged as the app's, and no role answers to a published password.
 */

let owner: DatabaseHandle;
let app: DatabaseHandle;
let worker: DatabaseHandle;
let tenantId: string;

const FERPA_TABLES = ["disclosures", "progress_note_revisions", "tier_changes"] as const;
const TAMPERING = [
  ["UPDATE", "update intervention.audit_log set reason = 'rewritten'"],
  ["DELETE", "delete from intervention.audit_log"],
  ["TRUNCATE", "truncate intervention.audit_log"],
] as const;

/** The SQLSTATE a statement fails with; fails the test when it succeeds. */
async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code;
  }
  throw new Error("Expected the database to refuse, but it did not");
}

async function auditRows(): Promise<number> {
  return withTenant(app.db, { tenantId }, async (tx) => {
    const [row] = await tx.execute<{ count: number }>(
      sql`select count(*)::int as count from intervention.audit_log`,
    );
    return row?.count ?? 0;
  });
}

beforeAll(async () => {
  owner = connect(inject("ownerUrl"), { max: 2 });
  app = connect(inject("appUrl"), { max: 2 });
  worker = connect(inject("workerUrl"), { max: 2 });
  const admin = await findSignInAccount(app.db, DEMO_ACCOUNTS.admin);
  if (!admin) throw new Error("The demo districts are not seeded");
  tenantId = admin.tenantId;
});

afterAll(async () => {
  await Promise.all([owner?.close(), app?.close(), worker?.close()]);
});

describe("the audit log", () => {
  it("has rows of the district to tamper with", async () => {
    expect(await auditRows()).toBeGreaterThan(0);
  });

  for (const [role, handle] of [
    ["the owner", () => owner],
    ["the app role", () => app],
    ["the worker role", () => worker],
  ] as const) {
    for (const [verb, statement] of TAMPERING) {
      it(`refuses ${verb} from ${role}, even with the district's rows in sight`, async () => {
        const before = await auditRows();
        const state = await refusal(
          withTenant(handle().db, { tenantId }, (tx) => tx.execute(sql.raw(statement))),
        );
        // Refused by a missing grant (app, worker) or by the append-only trigger (owner).
        expect(state).toBe("42501");
        expect(await auditRows()).toBe(before);
      });
    }
  }

  it("refuses UPDATE, DELETE and TRUNCATE from a superuser too", async (test) => {
    const adminUrl = inject("adminUrl");
    if (!adminUrl) return test.skip("no superuser connection on this server");
    const superuser = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      for (const [, statement] of TAMPERING) {
        expect(await refusal(superuser.unsafe(statement))).toBe("42501");
      }
    } finally {
      await superuser.end();
    }
  });

  it("still takes new rows, chained, from the app role", async () => {
    const before = await auditRows();
    await withTenant(app.db, { tenantId }, (tx) =>
      tx.execute(sql`insert into intervention.audit_log (tenant_id, action, entity_type, entity_id)
        values (${tenantId}, 'test.appended', 'test', gen_random_uuid())`),
    );
    expect(await auditRows()).toBe(before + 1);
  });
});

describe("the FERPA record tables", () => {
  const privileges = (handle: DatabaseHandle) =>
    handle.db.execute<{ table: string; privilege: string; granted: boolean }>(sql`
      select t.name as table, p.name as privilege,
             has_table_privilege(current_user, 'intervention.' || t.name, p.name) as granted
      from unnest(${`{${FERPA_TABLES.join(",")}}`}::text[]) as t(name),
           unnest('{SELECT,INSERT,UPDATE,DELETE,TRUNCATE}'::text[]) as p(name)
      order by 1, 2`);

  const expected = FERPA_TABLES.flatMap((table) =>
    ["DELETE", "INSERT", "SELECT", "TRUNCATE", "UPDATE"].map((privilege) => ({
      table,
      privilege,
      granted: privilege === "INSERT" || privilege === "SELECT",
    })),
  );

  it("may be read and added to, never changed or emptied, by the app and worker roles", async () => {
    expect(await privileges(app)).toEqual(expected);
    expect(await privileges(worker)).toEqual(expected);
  });

  it("keep that after a later migration runs intervention.secure_tables() again", async () => {
    await owner.db.execute(sql`select intervention.secure_tables()`);
    expect(await privileges(app)).toEqual(expected);
    expect(await privileges(worker)).toEqual(expected);
  });

  it("refuse a change of a tier decision from the app role", async () => {
    const state = await refusal(
      withTenant(app.db, { tenantId }, (tx) =>
        tx.execute(sql`update intervention.tier_changes set justification = 'rewritten'`),
      ),
    );
    expect(state).toBe("42501");
  });
});

describe("the worker role", () => {
  it("is neither superuser nor BYPASSRLS, cannot create roles or databases, owns nothing", async () => {
    const [me] = await worker.db.execute<Record<string, unknown>>(sql`
      select current_user as name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
        (select count(*)::int from pg_class where relowner = r.oid) as relations,
        (select count(*)::int from pg_namespace where nspowner = r.oid) as schemas,
        (select count(*)::int from pg_proc where proowner = r.oid) as functions,
        pg_has_role(current_user, ${OWNER_ROLE}, 'MEMBER') as owner_member
      from pg_roles r where rolname = current_user`);
    expect(me).toEqual({
      name: WORKER_ROLE,
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      relations: 0,
      schemas: 0,
      functions: 0,
      owner_member: false,
    });
  });

  it("sees no district's students outside withTenant, and only that district's inside", async () => {
    const [outside] = await worker.db.execute<{ count: number }>(
      sql`select count(*)::int as count from intervention.students`,
    );
    expect(outside?.count).toBe(0);
    const districts = await withTenant(worker.db, { tenantId }, (tx) =>
      tx.execute<{ tenant: string }>(
        sql`select distinct tenant_id::text as tenant from intervention.students`,
      ),
    );
    expect(districts).toEqual([{ tenant: tenantId }]);
  });

  it("lists every district, to visit each in turn", async () => {
    const rows = await worker.db.execute(sql`select id from intervention.districts`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the roles' passwords", () => {
  it("are not the ones once published in the README", async (test) => {
    const url = inject("ownerUrl");
    // A server that lets anyone in whatever the password (trust authentication) proves nothing.
    const random = randomBytes(12).toString("hex");
    if (await signsIn(urlForRole(url, OWNER_ROLE, random))) {
      return test.skip("this server does not check passwords");
    }
    expect(await signsIn(urlForRole(url, OWNER_ROLE, "northstar-owner-dev"))).toBe(false);
    expect(await signsIn(urlForRole(url, APP_ROLE, "northstar-app-dev"))).toBe(false);
    expect(await signsIn(inject("workerUrl"))).toBe(true);
  });
});

async function signsIn(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}
