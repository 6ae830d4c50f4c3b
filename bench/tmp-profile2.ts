import { randomUUID } from "node:crypto";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { appendAudit } from "@/db/queries/audit";
import { findStoredResponse } from "@/db/queries/idempotency";
import { districtOf, getVisibleIntervention } from "@/db/queries/interventions";
import { enqueueEvents } from "@/db/queries/outbox";
import { absenceHistories, findSession, sessionRoster, upsertMarks } from "@/db/queries/sessions";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { resetAttendancePool, SPECIALIST_USER_ID, TENANT_ID } from "./dataset";

const database = await provisionDatabase({
  dataDir: ".data/bench",
  embeddedPort: 54360,
  database: "northstar_bench",
});
const owner = connect(database.ownerUrl, { max: 2 });
const app = connect(database.appUrl, { max: 4 });
try {
  const today = todayIn("America/Chicago", new Date());
  const pool = await resetAttendancePool(owner.db, today);
  const actor = (await withTenant(app.db, { tenantId: TENANT_ID }, (tx) =>
    actorById(tx, TENANT_ID, SPECIALIST_USER_ID),
  ))!;
  const totals: Record<string, number> = {};
  for (let i = 0; i < 40; i++) {
    const s = pool[i]!;
    await withTenant(app.db, actor, async (tx) => {
      let t = performance.now();
      const lap = (label: string) => {
        const now = performance.now();
        if (i >= 10) totals[label] = (totals[label] ?? 0) + (now - t);
        t = now;
      };
      await findStoredResponse(tx, {
        tenantId: TENANT_ID,
        scope: "x",
        key: randomUUID(),
        notBefore: new Date(),
      });
      lap("idem");
      const session = (await findSession(tx, TENANT_ID, s.id))!;
      lap("findSession");
      const iv = (await getVisibleIntervention(tx, actor, session.interventionId, new Date()))!;
      lap("visibleIntervention");
      await districtOf(tx, TENANT_ID);
      lap("district");
      await sessionRoster(tx, TENANT_ID, session);
      lap("roster");
      await upsertMarks(
        tx,
        s.studentIds.map((id) => ({
          tenantId: TENANT_ID,
          sessionId: s.id,
          studentId: id,
          status: "present" as const,
          recordedAt: new Date(),
          recordedBy: actor.userId,
        })),
      );
      lap("upsert");
      await absenceHistories(tx, TENANT_ID, {
        interventionIds: [iv.id],
        studentIds: s.studentIds,
        minAbsences: 2,
      });
      lap("histories");
      await appendAudit(tx, actor, "x", [
        { action: "t", entityType: "intervention_session", entityId: s.id, after: { a: 1 } },
      ]);
      lap("audit");
      await enqueueEvents(tx, TENANT_ID, new Date(), [
        { type: "InterventionAttendanceRecordedEvent", subject: "x", data: {} as never },
      ]);
      lap("outbox");
    });
  }
  for (const [k, v] of Object.entries(totals)) console.log(k.padEnd(20), (v / 30).toFixed(2), "ms");
} finally {
  await resetAttendancePool(owner.db, todayIn("America/Chicago", new Date()));
  await app.close();
  await owner.close();
  await database.stop();
}
