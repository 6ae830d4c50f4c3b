import { randomUUID } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { activeAdminsOf } from "@/db/queries/audit-anchor";
import { allDistricts } from "@/db/queries/audit-trail";
import { auditLog, auditSeals, communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import {
  anchorSignatureValid,
  parseAnchors,
  type SignedAuditAnchor,
  signAnchor,
} from "@/lib/domain/audit/anchor";
import type { Actor } from "@/lib/domain/policy";
import { auditAnchorJob } from "@/lib/integrations/jobs/audit-anchor-job";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { compareWithAnchors, takeAuditAnchors } from "./audit-anchors";
import { AUDIT_ANCHOR_KIND } from "./mail-audit-anchors";
import { sealAuditTrail } from "./seal-audit-trail";
import { verifyAuditChains } from "./verify-audit-chain";

/**
 * Anchors of the audit chain (docs/decisions/0019-audit-chain-anchors.md) against the real
 * database: an attacker who rewrites the newest rows and recomputes their hashes passes the
 * chain check, and is caught by an anchor kept earlier.
 */

const SECRET = "anchor-test-secret-".padEnd(48, "x");
let app: DatabaseHandle;
let owner: DatabaseHandle;
let worker: DatabaseHandle;
let superuser: postgres.Sql | null = null;
let admin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  owner = connect(inject("ownerUrl"), { max: 2 });
  worker = connect(inject("workerUrl"), { max: 2 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  const adminUrl = inject("adminUrl");
  if (adminUrl) superuser = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Both of CI's databases have a superuser: there the tamper tests must run, never skip.
  else if (config().CI) throw new Error("CI runs without a superuser connection (adminUrl).");
});

afterAll(async () => {
  // The anchors this file queued are nobody's to deliver: later files' mail rounds skip them.
  for (const district of await allDistricts(owner.db)) {
    await withTenant(owner.db, { tenantId: district.id }, (tx) =>
      tx
        .update(communications)
        .set({ status: "stored" })
        .where(
          and(
            eq(communications.tenantId, district.id),
            eq(communications.kind, AUDIT_ANCHOR_KIND),
            eq(communications.status, "queued"),
          ),
        ),
    );
  }
  await superuser?.end();
  await worker.close();
  await app.close();
  await owner.close();
});

/** A new newest row of the demo district's chain, written as a request would, then sealed. */
async function appendRow(): Promise<{ id: number; chainSeq: number }> {
  const requestId = randomUUID();
  await withTenant(app.db, admin, (tx) =>
    appendAudit(tx, admin, requestId, [
      { action: "test.anchor", entityType: "test", entityId: null, reason: "anchor test" },
    ]),
  );
  await sealAuditTrail(worker.db);
  const [row] = await withTenant(app.db, admin, (tx) =>
    tx
      .select({ id: auditLog.id, chainSeq: auditSeals.position })
      .from(auditLog)
      .innerJoin(
        auditSeals,
        and(eq(auditSeals.tenantId, auditLog.tenantId), eq(auditSeals.auditId, auditLog.id)),
      )
      .where(and(eq(auditLog.tenantId, admin.tenantId), eq(auditLog.requestId, requestId))),
  );
  if (!row) throw new Error("The appended row was not sealed");
  return row;
}

/**
 * An attacker with more power than the app: a superuser who switches the triggers of the log
 * and of its seals off (the append-only guards and the sealing queue alike) for one transaction.
 */
async function tamper(statement: (tx: postgres.TransactionSql) => Promise<unknown>) {
  if (!superuser) throw new Error("No superuser connection: cannot tamper");
  await superuser.begin(async (tx) => {
    await tx`alter table intervention.audit_log disable trigger user`;
    await tx`alter table intervention.audit_seals disable trigger user`;
    await statement(tx);
    await tx`alter table intervention.audit_seals enable trigger user`;
    await tx`alter table intervention.audit_log enable trigger user`;
  });
}

const demoAnchor = (anchors: SignedAuditAnchor[]) =>
  anchors.filter((a) => a.district === admin.tenantId);

async function problemsOf(anchors: SignedAuditAnchor[]) {
  return (await compareWithAnchors(owner.db, anchors, SECRET)).map((c) => c.problem);
}

describe("anchors of the audit chain", () => {
  it("name each district's latest place and hash, and agree with the chain while it only grows", async () => {
    const row = await appendRow();
    const anchors = await takeAuditAnchors(owner.db, SECRET, now());
    expect(anchors.map((a) => a.district).sort()).toEqual(
      (await allDistricts(owner.db)).map((d) => d.id).sort(),
    );
    const [anchor] = demoAnchor(anchors);
    expect(anchor).toMatchObject({
      seq: row.chainSeq,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await appendRow();
    expect(await problemsOf(anchors)).toEqual(anchors.map(() => null));
  });

  it("catch the newest row rewritten with its hash recomputed, which the chain check misses", async (test) => {
    if (!superuser) return test.skip("No superuser connection on this server: cannot tamper.");
    const row = await appendRow();
    const anchors = demoAnchor(await takeAuditAnchors(owner.db, SECRET, now()));
    await tamper(async (tx) => {
      await tx`update intervention.audit_log set reason = 'nothing happened' where id = ${row.id}`;
      // The seal's hash recomputed over the row as it now is, as the sealer would have.
      await tx`update intervention.audit_seals s
        set hash = intervention.audit_seal_hash(a, s.position, s.prev_hash)
        from intervention.audit_log a where a.id = s.audit_id and a.id = ${row.id}`;
    });
    const chain = (await verifyAuditChains(owner.db)).find((r) => r.tenantId === admin.tenantId);
    expect(chain?.broken).toBeNull();
    const [problem] = await problemsOf(anchors);
    expect(problem).toMatch(
      new RegExp(`^chain_seq ${row.chainSeq} has hash .*: the chain was rewritten`),
    );
  });

  it("catch the newest rows deleted", async (test) => {
    if (!superuser) return test.skip("No superuser connection on this server: cannot tamper.");
    const row = await appendRow();
    const anchors = demoAnchor(await takeAuditAnchors(owner.db, SECRET, now()));
    await tamper(async (tx) => {
      await tx`delete from intervention.audit_seals where audit_id = ${row.id}`;
      await tx`delete from intervention.audit_log where id = ${row.id}`;
    });
    const chain = (await verifyAuditChains(owner.db)).find((r) => r.tenantId === admin.tenantId);
    expect(chain?.broken).toBeNull();
    const [problem] = await problemsOf(anchors);
    expect(problem).toMatch(
      new RegExp(
        `ends at chain_seq ${row.chainSeq - 1}, .* recorded ${row.chainSeq} \\(rows were deleted\\)`,
      ),
    );
  });

  it("refuse an anchor made or changed without the server's secret", async () => {
    const [anchor] = demoAnchor(await takeAuditAnchors(owner.db, SECRET, now()));
    if (!anchor) throw new Error("No anchor of the demo district");
    const forged = [
      { ...anchor, seq: anchor.seq - 1 },
      signAnchor({ ...anchor, seq: anchor.seq - 1 }, "someone-elses-secret".padEnd(40, "y")),
    ];
    for (const problem of await problemsOf(forged)) {
      expect(problem).toMatch(/signature does not verify/);
    }
  });
});

describe("the daily anchor job", () => {
  it("e-mails each active admin of each district one signed anchor, once per day", async () => {
    const job = auditAnchorJob(() => SECRET);
    const at = now();
    const logs: string[] = [];
    // As the job runner runs it: on the workers' role.
    await job.handle({ db: worker.db, log: (m) => logs.push(m) }, {});
    // A retried run of the same day sends nothing more.
    await job.handle({ db: worker.db, log: (m) => logs.push(m) }, {});
    expect(logs[1]).toMatch(/^Audit anchors: 0 message\(s\)/);

    for (const district of await allDistricts(owner.db)) {
      const { admins, messages } = await withTenant(
        owner.db,
        { tenantId: district.id },
        async (tx) => ({
          admins: await activeAdminsOf(tx, district.id),
          messages: await tx
            .select()
            .from(communications)
            .where(
              and(
                eq(communications.tenantId, district.id),
                eq(communications.kind, AUDIT_ANCHOR_KIND),
                gte(communications.createdAt, at),
              ),
            ),
        }),
      );
      expect(messages.map((m) => m.toAddress).sort(), district.name).toEqual(
        admins.map((a) => a.email).sort(),
      );
      for (const message of messages) {
        expect(message.status).toBe("queued");
        const { anchors } = parseAnchors(message.body);
        expect(anchors).toHaveLength(1);
        const [anchor] = anchors as [SignedAuditAnchor];
        expect(anchor.district).toBe(district.id);
        expect(anchorSignatureValid(anchor, SECRET)).toBe(true);
        expect(message.body).toContain(`Position in the chain: ${anchor.seq}`);
        expect(await problemsOf([anchor])).toEqual([null]);
      }
    }
    const demoAdmins = await withTenant(app.db, admin, (tx) => activeAdminsOf(tx, admin.tenantId));
    expect(demoAdmins.length).toBeGreaterThan(0);
  });
});
