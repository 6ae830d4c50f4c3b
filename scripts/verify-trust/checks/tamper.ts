/**
 * Audit tampering (issue 14, "Prove"): every kind of change to the hash-chained audit log
 * (lib/tamper-attempts.ts), tried by every role that can connect and by a superuser with the
 * triggers off, each on a fresh copy of a throwaway demo database whose district anchors were
 * taken first. Each attempt must be refused by the database or found by what
 * `npm run audit:verify --anchors` runs: the chain check, then the comparison with the anchors.
 */
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { connect } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { latestChainLink } from "@/db/queries/audit-anchor";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { SignedAuditAnchor } from "@/lib/domain/audit/anchor";
import { compareWithAnchors, takeAuditAnchors } from "@/lib/use-cases/audit/audit-anchors";
import { verifyAuditChains } from "@/lib/use-cases/audit/verify-audit-chain";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import {
  copyScratchDatabase,
  createScratchDatabase,
  type ScratchDatabase,
} from "../lib/scratch-database";
import {
  type Attacker,
  type Attempt,
  attackers,
  type ChainPlaces,
  isRefusal,
  type Outcome,
  TAMPER_KINDS,
  type TamperKind,
  tamperRows,
} from "../lib/tamper-attempts";
import type { TrustCheck } from "../types";

interface Prepared {
  places: ChainPlaces;
  anchors: SignedAuditAnchor[];
  secret: string;
  workerRoleExists: boolean;
}

/** A little history of the specialist's district, then the anchors an admin would keep. */
async function prepare(base: ScratchDatabase): Promise<Prepared> {
  const app = connect(base.appUrl, { max: 1 });
  const owner = connect(base.ownerUrl, { max: 1 });
  const admin = postgres(base.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const actor = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
    for (let i = 0; i < 6; i++) {
      await withTenant(app.db, actor, (tx) =>
        appendAudit(tx, actor, `verify-trust-${randomUUID()}`, [
          { action: "verify_trust.probe", entityType: "probe", entityId: null, after: { i } },
        ]),
      );
    }
    // What the seal-audit-trail job does within a second in a running service (no runner here).
    await admin`select intervention.seal_audit_rows(id, 1000000) from intervention.districts`;
    const newest = await withTenant(owner.db, actor, (tx) => latestChainLink(tx, actor.tenantId));
    if (!newest || newest.chainSeq < 6) throw new Error("The audit history was not written");
    const secret = randomBytes(32).toString("hex");
    const roles = await admin`select 1 from pg_roles where rolname = 'northstar_worker'`;
    return {
      places: {
        tenantId: actor.tenantId,
        middle: Math.floor(newest.chainSeq / 2),
        newest: newest.chainSeq,
      },
      anchors: await takeAuditAnchors(owner.db, secret, now()),
      secret,
      workerRoleExists: roles.length > 0,
    };
  } finally {
    await app.close();
    await owner.close();
    await admin.end({ timeout: 5 });
  }
}

/** The whole log's content and its seals, as the superuser sees them: equal digests, nothing changed. */
async function digest(adminUrl: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ digest: string }[]>`
      select (select md5(coalesce(string_agg(a::text, '|' order by a.id), ''))
                from intervention.audit_log a)
          || (select md5(coalesce(string_agg(s::text, '|' order by s.tenant_id, s.position), ''))
                from intervention.audit_seals s) as digest`;
    return row?.digest ?? "";
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Runs the verifier as the owner, as `npm run audit:verify --anchors` does. */
async function verdict(copy: ScratchDatabase, prepared: Prepared): Promise<Outcome> {
  const owner = connect(copy.ownerUrl, { max: 1 });
  try {
    const chains = await verifyAuditChains(owner.db);
    if (chains.some((report) => report.broken)) return "detected by the chain";
    const anchored = await compareWithAnchors(owner.db, prepared.anchors, prepared.secret);
    return anchored.some((check) => check.problem) ? "detected by the anchors" : "undetected";
  } finally {
    await owner.close();
  }
}

/** One attempt; `dirty` when it committed, so the copy is no longer the original. */
async function attempt(
  copy: ScratchDatabase,
  attacker: Attacker,
  kind: TamperKind,
  prepared: Prepared,
): Promise<{ outcome: Outcome; dirty: boolean }> {
  const before = await digest(copy.adminUrl);
  const url = { app: copy.appUrl, owner: copy.ownerUrl, admin: copy.adminUrl }[attacker.login];
  const session = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await session.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', ${prepared.places.tenantId}, true)`;
      for (const statement of [...attacker.prelude, ...kind.statements(prepared.places)]) {
        await tx.unsafe(statement);
      }
    });
  } catch (error) {
    // Only the database saying no counts; a statement that fails for another reason proves nothing.
    return { outcome: isRefusal(error) ? "refused" : "failed to run", dirty: false };
  } finally {
    await session.end({ timeout: 5 });
  }
  if ((await digest(copy.adminUrl)) === before) return { outcome: "no effect", dirty: true };
  return { outcome: await verdict(copy, prepared), dirty: true };
}

const tamper: TrustCheck = {
  name: "tamper",
  async run(environment) {
    const base = await createScratchDatabase(environment, "tamper", { seed: true });
    const attempts: Attempt[] = [];
    let copy: ScratchDatabase | null = null;
    try {
      const prepared = await prepare(base);
      for (const attacker of attackers(prepared.workerRoleExists)) {
        for (const kind of TAMPER_KINDS) {
          copy ??= await copyScratchDatabase(environment, base, "tamper");
          const { outcome, dirty } = await attempt(copy, attacker, kind, prepared);
          attempts.push({ attacker: attacker.name, kind: kind.name, outcome });
          if (dirty) {
            await copy.drop();
            copy = null;
          }
        }
      }
    } finally {
      await copy?.drop();
      await base.drop();
    }
    return tamperRows(attempts);
  },
};

export default tamper;
