import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import { config } from "@/lib/config";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { sealAuditTrail } from "./seal-audit-trail";
import { verifyAuditChains } from "./verify-audit-chain";

/**
 * The sealer (docs/decisions/0027-audit-seals.md) against the real database: rows inserted with
 * no lock are chained after commit, a row that never gets its seal and a forged seal are both
 * reported, and sealers running at once never fork the chain.
 */

let app: DatabaseHandle;
let owner: DatabaseHandle;
let worker: DatabaseHandle;
let superuser: postgres.Sql | null = null;
let admin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 10 });
  owner = connect(inject("ownerUrl"), { max: 2 });
  worker = connect(inject("workerUrl"), { max: 4 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  const adminUrl = inject("adminUrl");
  if (adminUrl) superuser = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Both of CI's databases have a superuser: there the tamper tests must run, never skip.
  else if (config().CI) throw new Error("CI runs without a superuser connection (adminUrl).");
});

afterAll(async () => {
  await superuser?.end();
  await Promise.all([app.close(), owner.close(), worker.close()]);
});

const append = (actor: Actor, action = "test.seal") =>
  withTenant(app.db, actor, (tx) =>
    appendAudit(tx, actor, randomUUID(), [{ action, entityType: "test", entityId: null }]),
  );

async function demoReport(unsealedGraceSeconds?: number) {
  const reports = await verifyAuditChains(owner.db, { unsealedGraceSeconds });
  const report = reports.find((r) => r.tenantId === admin.tenantId);
  if (!report) throw new Error("No report of the demo district");
  return report;
}

/** The demo district's seals: positions in order and the rows they name. */
async function seals() {
  return withTenant(owner.db, admin, async (tx) =>
    (
      await tx.execute<{ position: string; audit_id: string }>(
        sql`select position, audit_id from intervention.audit_seals order by position`,
      )
    ).map((row) => ({ position: Number(row.position), auditId: Number(row.audit_id) })),
  );
}

/** As a superuser with every trigger off (replica mode): past the queue and the guards. */
async function asSuperuserPastTriggers(statement: (tx: postgres.TransactionSql) => unknown) {
  if (!superuser) throw new Error("No superuser connection: cannot tamper");
  await superuser.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await statement(tx);
  });
}

describe("the audit sealer", () => {
  it("seals committed rows after commit; until then they are pending, not a finding", async () => {
    await sealAuditTrail(worker.db);
    await append(admin);
    await append(admin);
    const waiting = await demoReport();
    expect(waiting).toMatchObject({ broken: null, pending: 2 });
    expect(await sealAuditTrail(worker.db)).toBeGreaterThanOrEqual(2);
    const sealed = await demoReport();
    expect(sealed).toMatchObject({ broken: null, pending: 0 });
    expect(sealed.rowsVerified).toBe(waiting.rowsVerified + 2);
  });

  it("reports a row that waited too long for its seal (no sealer running)", async () => {
    await sealAuditTrail(worker.db);
    await append(admin);
    const { broken } = await demoReport(0);
    expect(broken?.chainSeq).toBeNull();
    expect(broken?.problem).toMatch(/waited \d+ s for its seal/);
    await sealAuditTrail(worker.db);
    expect((await demoReport(0)).broken).toBeNull();
  });

  it("keeps the queue out of the app role's reach: only the insert trigger adds to it", async () => {
    await append(admin);
    for (const statement of [
      sql`insert into intervention.audit_unsealed (tenant_id, audit_id) values (${admin.tenantId}, 1)`,
      sql`delete from intervention.audit_unsealed`,
      sql`update intervention.audit_unsealed set queued_at = now()`,
    ]) {
      await expect(withTenant(app.db, admin, (tx) => tx.execute(statement))).rejects.toMatchObject({
        cause: { code: "42501" },
      });
    }
    expect((await demoReport()).pending).toBeGreaterThan(0);
    await sealAuditTrail(worker.db);
  });

  it("reports a row inserted past the queue, which is never sealed", async (test) => {
    if (!superuser) return test.skip("No superuser connection on this server: cannot tamper.");
    await sealAuditTrail(worker.db);
    await asSuperuserPastTriggers(
      (tx) => tx`insert into intervention.audit_log (tenant_id, action, entity_type)
        values (${admin.tenantId}, 'test.unqueued', 'test')`,
    );
    await sealAuditTrail(worker.db);
    const { broken } = await demoReport();
    expect(broken?.problem).toMatch(/neither sealed nor queued/);
    // Sealing it by hand (as the worker, through the queue) puts the chain right again.
    const id = broken?.id as number;
    await asSuperuserPastTriggers(
      (tx) => tx`insert into intervention.audit_unsealed (tenant_id, audit_id)
        values (${admin.tenantId}, ${id})`,
    );
    await sealAuditTrail(worker.db);
    expect((await demoReport()).broken).toBeNull();
  });

  it("detects a forged seal, and no service role may write or change one", async (test) => {
    await append(admin);
    await sealAuditTrail(worker.db);
    const last = (await seals()).at(-1);
    if (!last) throw new Error("No seal");
    const forge = sql`update intervention.audit_seals set hash = repeat('0', 64)
      where position = ${last.position}`;
    for (const handle of [app, worker, owner]) {
      await expect(withTenant(handle.db, admin, (tx) => tx.execute(forge))).rejects.toMatchObject({
        cause: { code: "42501" },
      });
    }
    await expect(
      withTenant(app.db, admin, (tx) =>
        tx.execute(sql`insert into intervention.audit_seals (tenant_id, position, audit_id, hash)
          values (${admin.tenantId}, ${last.position + 1}, ${last.auditId}, repeat('0', 64))`),
      ),
    ).rejects.toMatchObject({ cause: { code: "42501" } });
    if (!superuser) return test.skip("No superuser connection on this server: cannot forge.");
    const [kept] = await withTenant(owner.db, admin, (tx) =>
      tx.execute<{ hash: string }>(
        sql`select hash from intervention.audit_seals where position = ${last.position}`,
      ),
    );
    const setHash = (hash: string) =>
      asSuperuserPastTriggers(
        (tx) => tx`update intervention.audit_seals set hash = ${hash}
          where tenant_id = ${admin.tenantId} and position = ${last.position}`,
      );
    await setHash("0".repeat(64));
    try {
      const { broken } = await demoReport();
      expect(broken).toMatchObject({ id: last.auditId, chainSeq: last.position });
      expect(broken?.problem).toMatch(/does not match its content/);
    } finally {
      await setHash(kept?.hash as string);
    }
    expect((await demoReport()).broken).toBeNull();
  });
});

describe("sealers at once", () => {
  it("never fork the chain: every row sealed once, in one unbroken order", async () => {
    const other = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
    await sealAuditTrail(worker.db);
    // Rows committed while four sealers run, some of them in small batches.
    const writes = Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = 0; i < 10; i++) await append(other, "test.concurrent");
      }),
    );
    const sealers = Promise.all(
      Array.from({ length: 4 }, async (_, n) => {
        for (let round = 0; round < 10; round++) await sealAuditTrail(worker.db, 3 + n);
      }),
    );
    await Promise.all([writes, sealers]);
    await sealAuditTrail(worker.db);
    const report = (await verifyAuditChains(owner.db, { unsealedGraceSeconds: 0 })).find(
      (r) => r.tenantId === other.tenantId,
    );
    expect(report).toMatchObject({ broken: null, pending: 0 });
    // A second seal at a taken place is refused by the key, whoever writes it.
    await expect(
      withTenant(worker.db, other, (tx) =>
        tx.execute(sql`insert into intervention.audit_seals (tenant_id, position, audit_id, hash)
          select tenant_id, position, audit_id, hash from intervention.audit_seals
          order by position desc limit 1`),
      ),
    ).rejects.toMatchObject({ cause: { code: "23505" } });
  });
});
