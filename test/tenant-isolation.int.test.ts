import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { findSignInAccount } from "@/db/queries/users";
import { auditLog, districts, guardians, interventions, outbox, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now, nowMs } from "@/lib/clock";
import { DEMO_ACCOUNTS, DEMO_GROUPS } from "@/scripts/seed/accounts";

/**
 * The database itself keeps districts apart, whatever the application code does: these tests
 * run as the app role that serves requests and try what a bug (or an attacker with SQL) would.
 */

let app: DatabaseHandle;
let mapleGrove: string;
let cedarRidge: string;
let cedarStudent: { id: string; firstName: string };
let cedarGuardianId: string;
let cedarInterventionId: string;
let mapleStudentId: string;

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the database to refuse, but it did not");
}

/** drizzle wraps the driver's error; the SQLSTATE is on the cause. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

async function tenantTables(): Promise<string[]> {
  const rows = await app.db.execute<{ relname: string }>(sql`
    select c.relname from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'intervention' and c.relkind in ('r', 'p')
    order by c.relname`);
  return rows.map((r) => r.relname);
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  const maple = await findSignInAccount(app.db, DEMO_ACCOUNTS.specialist);
  const cedar = await findSignInAccount(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  if (!maple || !cedar) throw new Error("The demo districts are not seeded");
  mapleGrove = maple.tenantId;
  cedarRidge = cedar.tenantId;

  await withTenant(app.db, { tenantId: cedarRidge }, async (tx) => {
    const [student] = await tx
      .select({ id: students.id, firstName: students.firstName })
      .from(students)
      .where(eq(students.tenantId, cedarRidge))
      .limit(1);
    const [guardian] = await tx.select({ id: guardians.id }).from(guardians).limit(1);
    const [intervention] = await tx
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.name, DEMO_GROUPS.cedarRidge));
    if (!student || !guardian || !intervention) throw new Error("Cedar Ridge has no demo rows");
    cedarStudent = student;
    cedarGuardianId = guardian.id;
    cedarInterventionId = intervention.id;
  });
  await withTenant(app.db, { tenantId: mapleGrove }, async (tx) => {
    const [student] = await tx.select({ id: students.id }).from(students).limit(1);
    if (!student) throw new Error("Maple Grove has no students");
    mapleStudentId = student.id;
  });
});

afterAll(async () => {
  await app?.close();
});

describe("the app role", () => {
  it("is neither superuser nor BYPASSRLS and cannot create roles or databases", async () => {
    const [me] = await app.db.execute<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
      rolcreatedb: boolean;
    }>(
      sql`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user`,
    );
    expect(me).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
  });

  it("owns no table, schema or function of the service", async () => {
    const owned = await app.db.execute<{ kind: string; name: string }>(sql`
      select 'relation' as kind, c.relname as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('intervention', 'intervention_migrations') and pg_get_userbyid(c.relowner) = current_user
      union all
      select 'schema', n.nspname from pg_namespace n
        where n.nspname in ('intervention', 'intervention_migrations') and pg_get_userbyid(n.nspowner) = current_user
      union all
      select 'function', p.proname from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'intervention' and pg_get_userbyid(p.proowner) = current_user`);
    expect(owned).toEqual([]);
  });

  it("cannot act as the owner of any service table (no membership in the owner role)", async () => {
    const rows = await app.db.execute<{ relname: string }>(sql`
      select c.relname from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'intervention' and c.relkind = 'r'
        and pg_has_role(current_user, c.relowner, 'MEMBER')`);
    expect(rows).toEqual([]);
  });
});

describe("row-level security in the catalog", () => {
  it("covers every table with a tenant_id: enabled, forced, and a tenant policy for reads and writes", async () => {
    const tables = await tenantTables();
    // The service's tenant tables; a new one is checked automatically by the query below.
    expect(tables).toEqual(
      expect.arrayContaining([
        "students",
        "guardians",
        "staff",
        "interventions",
        "intervention_sessions",
        "intervention_enrollments",
        "session_attendance",
        "progress_notes",
        "audit_log",
        "outbox",
        "idempotency_keys",
        "users",
      ]),
    );

    const problems = await app.db.execute<{ relname: string; problem: string }>(sql`
      with tenant_tables as (
        select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'intervention' and c.relkind in ('r', 'p')
      )
      select relname, 'row level security is not enabled' as problem from tenant_tables where not relrowsecurity
      union all
      select relname, 'row level security is not forced' from tenant_tables where not relforcerowsecurity
      union all
      select t.relname, 'no policy with USING and WITH CHECK on the current tenant for all commands'
      from tenant_tables t
      where not exists (
        select 1 from pg_policy p
        where p.polrelid = t.oid and p.polcmd = '*' and p.polpermissive
          and p.polqual is not null and p.polwithcheck is not null
          and pg_get_expr(p.polqual, p.polrelid) like '%tenant_id%app.current_tenant%'
          and pg_get_expr(p.polwithcheck, p.polrelid) like '%tenant_id%app.current_tenant%'
          and (0 = any (p.polroles)
               or (select oid from pg_roles where rolname = current_user) = any (p.polroles))
      )`);
    expect(problems).toEqual([]);
  });

  it("has no other permissive policy that lets the app role past the tenant check", async () => {
    const loose = await app.db.execute<{ relname: string; polname: string }>(sql`
      select c.relname, p.polname from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'intervention' and p.polpermissive
        and (0 = any (p.polroles) or (select oid from pg_roles where rolname = current_user) = any (p.polroles))
        and (p.polqual is null or pg_get_expr(p.polqual, p.polrelid) not like '%app.current_tenant%')`);
    expect(loose).toEqual([]);
  });

  it("protects the districts table too, on its own id", async () => {
    const [row] = await app.db.execute<{
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: number;
    }>(sql`
      select c.relrowsecurity, c.relforcerowsecurity,
        (select count(*)::int from pg_policy p
          where p.polrelid = c.oid and p.polcmd = '*' and p.polqual is not null and p.polwithcheck is not null
            and pg_get_expr(p.polqual, p.polrelid) like '%id%app.current_tenant%'
            and pg_get_expr(p.polwithcheck, p.polrelid) like '%id%app.current_tenant%') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'intervention' and c.relname = 'districts'`);
    expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true, policies: 1 });
  });
});

describe("with no district set", () => {
  it("every tenant table and the districts table return no rows", async () => {
    // One connection, used first for a district's transaction: nothing may linger after it.
    const single = connect(inject("appUrl"), { max: 1 });
    try {
      const seen = await withTenant(single.db, { tenantId: mapleGrove }, async (tx) => {
        const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(students);
        return row?.n ?? 0;
      });
      expect(seen).toBeGreaterThan(0);

      const counts: Record<string, number> = {};
      for (const table of [...(await tenantTables()), "districts"]) {
        const [row] = await single.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier("intervention")}.${sql.identifier(table)}`,
        );
        counts[table] = row?.n ?? -1;
      }
      expect(Object.values(counts).length).toBeGreaterThan(15);
      expect(Object.entries(counts).filter(([, n]) => n !== 0)).toEqual([]);
    } finally {
      await single.close();
    }
  });

  it("an empty district setting is no district either", async () => {
    const rows = await app.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.current_tenant', '', true)`);
      return tx.select({ id: students.id }).from(students).limit(1);
    });
    expect(rows).toEqual([]);
  });
});

describe("with Maple Grove set", () => {
  const asMapleGrove = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(app.db, { tenantId: mapleGrove }, fn);

  it("does not see a Cedar Ridge student, guardian, intervention or district by id", async () => {
    const found = await asMapleGrove(async (tx) => ({
      student: await tx.select().from(students).where(eq(students.id, cedarStudent.id)),
      byTenant: await tx.select().from(students).where(eq(students.tenantId, cedarRidge)),
      guardian: await tx.select().from(guardians).where(eq(guardians.id, cedarGuardianId)),
      intervention: await tx
        .select()
        .from(interventions)
        .where(eq(interventions.id, cedarInterventionId)),
      district: await tx.select().from(districts).where(eq(districts.id, cedarRidge)),
    }));
    expect(found).toEqual({
      student: [],
      byTenant: [],
      guardian: [],
      intervention: [],
      district: [],
    });
  });

  it("sees its own district, so the empty answers above are not an accident", async () => {
    const own = await asMapleGrove((tx) => tx.select({ id: districts.id }).from(districts));
    expect(own).toEqual([{ id: mapleGrove }]);
  });

  it("refuses to insert rows carrying Cedar Ridge's tenant_id (42501)", async () => {
    const attempts = {
      guardian: rejection(
        asMapleGrove((tx) =>
          tx
            .insert(guardians)
            .values({ tenantId: cedarRidge, firstName: "Mallory", lastName: "Intruder" }),
        ),
      ),
      audit: rejection(
        asMapleGrove((tx) =>
          tx
            .insert(auditLog)
            .values({ tenantId: cedarRidge, action: "forged", entityType: "student" }),
        ),
      ),
      outbox: rejection(
        asMapleGrove((tx) =>
          tx.insert(outbox).values({
            tenantId: cedarRidge,
            id: randomUUID(),
            type: "InterventionCreatedEvent",
            subject: "intervention/forged",
            data: {},
            occurredAt: now(),
          }),
        ),
      ),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect({ name, code: sqlState(await attempt) }).toEqual({ name, code: "42501" });
    }
    const planted = await withTenant(app.db, { tenantId: cedarRidge }, (tx) =>
      tx.select().from(guardians).where(eq(guardians.lastName, "Intruder")),
    );
    expect(planted).toEqual([]);
  });

  it("refuses to move one of its own rows into Cedar Ridge (42501)", async () => {
    const error = await rejection(
      asMapleGrove((tx) =>
        tx.update(students).set({ tenantId: cedarRidge }).where(eq(students.id, mapleStudentId)),
      ),
    );
    expect(sqlState(error)).toBe("42501");
  });

  it("changes nothing when an update or delete aims at Cedar Ridge rows", async () => {
    const result = await asMapleGrove(async (tx) => ({
      updated: await tx
        .update(students)
        .set({ firstName: "Hijacked" })
        .where(eq(students.id, cedarStudent.id))
        .returning({ id: students.id }),
      updatedByTenant: await tx
        .update(guardians)
        .set({ email: "attacker@example.com" })
        .where(eq(guardians.tenantId, cedarRidge))
        .returning({ id: guardians.id }),
      deleted: await tx
        .delete(guardians)
        .where(and(eq(guardians.tenantId, cedarRidge), eq(guardians.id, cedarGuardianId)))
        .returning({ id: guardians.id }),
    }));
    expect(result).toEqual({ updated: [], updatedByTenant: [], deleted: [] });

    const after = await withTenant(app.db, { tenantId: cedarRidge }, async (tx) => ({
      student: await tx
        .select({ firstName: students.firstName })
        .from(students)
        .where(eq(students.id, cedarStudent.id)),
      attackerEmails: await tx
        .select({ id: guardians.id })
        .from(guardians)
        .where(eq(guardians.email, "attacker@example.com")),
      guardian: await tx
        .select({ id: guardians.id })
        .from(guardians)
        .where(eq(guardians.id, cedarGuardianId)),
    }));
    expect(after).toEqual({
      student: [{ firstName: cedarStudent.firstName }],
      attackerEmails: [],
      guardian: [{ id: cedarGuardianId }],
    });
  });

  it("cannot create or delete districts (provisioning only)", async () => {
    const insert = await rejection(
      withTenant(app.db, { tenantId: mapleGrove }, (tx) =>
        tx.insert(districts).values({ id: mapleGrove, name: "Copy", slug: `copy-${nowMs()}` }),
      ),
    );
    expect(sqlState(insert)).toBe("42501");
    const remove = await rejection(
      withTenant(app.db, { tenantId: mapleGrove }, (tx) =>
        tx.delete(districts).where(eq(districts.id, mapleGrove)),
      ),
    );
    expect(sqlState(remove)).toBe("42501");
  });
});

describe("the audit trail is append-only for the app role", () => {
  const marker = `isolation-test-${randomUUID()}`;

  it("may insert and read its own district's audit rows", async () => {
    await withTenant(app.db, { tenantId: mapleGrove }, (tx) =>
      tx.insert(auditLog).values({
        tenantId: mapleGrove,
        action: "test.appended",
        entityType: "test",
        requestId: marker,
      }),
    );
    const rows = await withTenant(app.db, { tenantId: mapleGrove }, (tx) =>
      tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.requestId, marker)),
    );
    expect(rows).toEqual([{ action: "test.appended" }]);
  });

  it.each([
    ["UPDATE", sql`update intervention.audit_log set reason = 'rewritten'`],
    ["DELETE", sql`delete from intervention.audit_log`],
    ["TRUNCATE", sql`truncate intervention.audit_log`],
  ])("may not %s it (permission denied)", async (_verb, statement) => {
    const error = await rejection(
      withTenant(app.db, { tenantId: mapleGrove }, (tx) => tx.execute(statement)),
    );
    expect(sqlState(error)).toBe("42501");
    expect(String((error as { cause?: Error }).cause?.message ?? error)).toMatch(
      /permission denied/,
    );
  });

  it("has only INSERT and SELECT on it in the catalog", async () => {
    const [privileges] = await app.db.execute<Record<string, boolean>>(sql`
      select
        has_table_privilege(current_user, 'intervention.audit_log', 'SELECT') as "select",
        has_table_privilege(current_user, 'intervention.audit_log', 'INSERT') as "insert",
        has_table_privilege(current_user, 'intervention.audit_log', 'UPDATE') as "update",
        has_table_privilege(current_user, 'intervention.audit_log', 'DELETE') as "delete",
        has_table_privilege(current_user, 'intervention.audit_log', 'TRUNCATE') as "truncate"`);
    expect(privileges).toEqual({
      select: true,
      insert: true,
      update: false,
      delete: false,
      truncate: false,
    });
  });
});
