/**
 * Faults (issue 14, "Prove"): a TCP proxy between the app's code and PostgreSQL resets the
 * connection in the middle of a real write — Scenario 4's progress note through its use-case,
 * with an Idempotency-Key, as the API runs it — at byte offsets spread over the whole
 * transaction and after the COMMIT left but before its answer came back. Each time the write
 * must be there whole or not at all, and retrying with the same key must leave exactly one
 * effect. Runs on a throwaway copy of the demo, never the run's database.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { connect, type Database } from "@/db/client";
import { interventionRoster } from "@/db/queries/interventions/details";
import { interventions } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { progressNoteSchema } from "@/lib/domain/sessions/schemas";
import { addProgressNote } from "@/lib/use-cases/progress/add-progress-note";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import { type FaultProxy, startFaultProxy, targetOf } from "../lib/faults-proxy";
import { cutPlans, type FaultIteration, faultRows, type WriteRows } from "../lib/faults-tally";
import { createScratchDatabase } from "../lib/scratch-database";
import type { TrustCheck } from "../types";

interface Target {
  actor: Actor;
  interventionId: string;
  studentId: string;
  today: string;
}

async function findTarget(db: Database, today: string): Promise<Target> {
  const actor = await loadDemoActor(db, DEMO_ACCOUNTS.specialist);
  return withTenant(db, actor, async (tx) => {
    const [group] = await tx
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.name, DEMO_GROUPS.phonics));
    if (!group) throw new Error("The demo's Phonics group is missing");
    const [student] = await interventionRoster(tx, actor.tenantId, group.id);
    if (!student) throw new Error("The demo's Phonics group has no students");
    return { actor, interventionId: group.id, studentId: student.studentId, today };
  });
}

/** The rows one note's write leaves, read past the proxy as the owner. */
async function rowsOf(owner: Database, target: Target, marker: string, key: string) {
  return withTenant(owner, target.actor, async (tx): Promise<WriteRows> => {
    const [row] = await tx.execute<{ notes: number; events: number; audits: number; keys: number }>(
      sql`with note as (select id from intervention.progress_notes where observation = ${marker})
          select (select count(*)::int from note) as notes,
                 (select count(*)::int from intervention.outbox
                   where type = 'ProgressNoteAddedEvent'
                     and data->>'noteId' in (select id::text from note)) as events,
                 (select count(*)::int from intervention.audit_log
                   where action = 'progress_note.created'
                     and entity_id::text in (select id::text from note)) as audits,
                 (select count(*)::int from intervention.idempotency_keys
                   where key = ${key}) as keys`,
    );
    if (!row) throw new Error("The count of a write's rows returned nothing");
    return row;
  });
}

function writeNote(db: Database, target: Target, marker: string, key: string) {
  const input = progressNoteSchema.parse({
    studentId: target.studentId,
    date: target.today,
    observation: marker,
    measure: { name: "Fluency level", value: "3.2", unit: "grade level" },
    nextSteps: "Continue current strategies",
    progressRating: "expected",
  });
  const ctx = { db, actor: target.actor, now, requestId: `verify-trust-${randomUUID()}` };
  return addProgressNote(ctx, target.interventionId, input, key);
}

/**
 * Writes on connections of their own through the proxy, as new requests would make them (a pool
 * whose connection was reset waits a growing backoff before it connects again). A reset client
 * takes its full timeout to end, so the ends are awaited together at the close.
 */
function throughProxy(proxy: FaultProxy, appUrl: string) {
  const ending: Promise<void>[] = [];
  return {
    async write(...note: [target: Target, marker: string, key: string]) {
      // One connection, so an armed cut meets the note's transaction and nothing else.
      const client = connect(proxy.urlFor(appUrl), { max: 1 });
      try {
        return await writeNote(client.db, ...note);
      } finally {
        ending.push(client.close());
      }
    },
    close: () => Promise.all(ending),
  };
}

async function runIterations(
  proxy: FaultProxy,
  writer: ReturnType<typeof throughProxy>,
  owner: Database,
  target: Target,
  requests: number,
  replies: number,
): Promise<{ iterations: FaultIteration[]; planned: number }> {
  const run = randomUUID().slice(0, 8);
  // One clean write through the proxy measures how many bytes a note's transaction sends.
  await writer.write(target, `verify-trust ${run} calibration`, randomUUID());
  const transactionBytes = proxy.lastTransactionBytes;
  if (!transactionBytes) throw new Error("The proxy saw no committed transaction");
  const plans = cutPlans(transactionBytes, requests, replies);
  const iterations: FaultIteration[] = [];
  for (const [index, plan] of plans.entries()) {
    const marker = `verify-trust ${run} write ${index}`;
    const key = `verify-trust-${run}-${index}`;
    const cutsBefore = proxy.cuts;
    proxy.arm(plan);
    const failed = await writer.write(target, marker, key).then(
      () => false,
      () => true,
    );
    const cut = failed && proxy.cuts === cutsBefore + 1;
    const afterCut = await rowsOf(owner, target, marker, key);
    const first = await writer.write(target, marker, key);
    const second = await writer.write(target, marker, key);
    iterations.push({
      plan,
      cut,
      afterCut,
      afterRetries: await rowsOf(owner, target, marker, key),
      sameAnswer: first.body.id === second.body.id && second.replayed,
    });
  }
  return { iterations, planned: plans.length };
}

const faults: TrustCheck = {
  name: "faults",
  async run(environment, options) {
    const scratch = await createScratchDatabase(environment, "faults", { seed: true });
    const proxy = await startFaultProxy(targetOf(scratch.appUrl));
    const app = connect(scratch.appUrl, { max: 1 });
    const writer = throughProxy(proxy, scratch.appUrl);
    const owner = connect(scratch.ownerUrl, { max: 2 });
    try {
      const target = await findTarget(app.db, scratch.today);
      const { iterations, planned } = await runIterations(
        proxy,
        writer,
        owner.db,
        target,
        options.full ? 40 : 5,
        options.full ? 10 : 2,
      );
      return faultRows(iterations, planned);
    } finally {
      await writer.close();
      await app.close();
      await owner.close();
      await proxy.close();
      await scratch.drop();
    }
  },
};

export default faults;
