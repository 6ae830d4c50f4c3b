/**
 * What the backup check compares between the database and its restored copy, read from the
 * catalogue as the superuser: forced row-level security on the tenant tables, the policies, and
 * every privilege granted to the service's roles.
 */
import postgres from "postgres";

export interface CatalogFacts {
  /** Tables of the `intervention` schema with a tenant_id column. */
  tenantTables: string[];
  /** Those of them with row-level security enabled and forced. */
  forced: string[];
  /** One line per policy: table, name, command, roles, expressions. */
  policies: string[];
  /** One line per privilege a northstar_* role holds: object, role, privilege. */
  grants: string[];
}

export async function catalogFacts(adminUrl: string): Promise<CatalogFacts> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string; forced: boolean }[]>`
      select c.relname as name, (c.relrowsecurity and c.relforcerowsecurity) as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'intervention' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                    and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`;
    const policies = await sql<{ line: string }[]>`
      select concat_ws(' | ', tablename, policyname, cmd, roles::text, qual, with_check) as line
      from pg_policies where schemaname = 'intervention' order by 1`;
    const grants = await sql<{ line: string }[]>`
      with acl as (
        select 'table ' || n.nspname || '.' || c.relname as object, c.relacl as acl
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
        union all
        select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, a.attacl
          from pg_attribute a join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
         where a.attacl is not null and n.nspname not in ('pg_catalog', 'information_schema')
        union all
        select 'schema ' || nspname, nspacl from pg_namespace
        union all
        select 'function ' || n.nspname || '.' || p.proname || '('
               || pg_get_function_identity_arguments(p.oid) || ')', p.proacl
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname not in ('pg_catalog', 'information_schema')
      )
      select acl.object || ' | ' || r.rolname || ' | ' || x.privilege_type as line
      from acl cross join lateral aclexplode(acl.acl) x
      join pg_roles r on r.oid = x.grantee
      where r.rolname like 'northstar\\_%'
      order by 1`;
    return {
      tenantTables: tables.map((t) => t.name),
      forced: tables.filter((t) => t.forced).map((t) => t.name),
      policies: policies.map((p) => p.line),
      grants: grants.map((g) => g.line),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Lines in one list and not the other, both ways. */
export function difference(source: readonly string[], restored: readonly string[]) {
  const inRestored = new Set(restored);
  const inSource = new Set(source);
  return {
    missing: source.filter((line) => !inRestored.has(line)),
    extra: restored.filter((line) => !inSource.has(line)),
  };
}
