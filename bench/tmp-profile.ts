import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { getStudentProgress } from "@/lib/use-cases/progress/get-student-progress";
import { recordAttendance } from "@/lib/use-cases/sessions/record-attendance";
import { resetAttendancePool, SPECIALIST_USER_ID, studentsWithHistory, TENANT_ID } from "./dataset";

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
  const ctx = () => ({ db: app.db, actor, now: () => new Date(), requestId: randomUUID() });
  for (let i = 0; i < 30; i++) {
    const s = pool[i]!;
    const t0 = performance.now();
    await recordAttendance(
      ctx(),
      s.id,
      {
        records: s.studentIds.map((id) => ({ studentId: id, status: "present" as const })),
        notes: "x",
      },
      randomUUID(),
    );
    if (i >= 25) console.log("attendance", (performance.now() - t0).toFixed(1));
  }
  const students = studentsWithHistory();
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await getStudentProgress(ctx(), students[i * 7]!);
    if (i >= 15) console.log("progress", (performance.now() - t0).toFixed(1));
  }
  const s = pool[100]!;
  const plans = await withTenant(app.db, actor, async (tx) => {
    const out: string[] = [];
    const q = async (label: string, query: ReturnType<typeof sql>) => {
      const rows = await tx.execute<{ "QUERY PLAN": string }>(
        sql`explain (analyze, buffers off) ${query}`,
      );
      out.push(`--- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    };
    await q(
      "roster",
      sql`select e.student_id from intervention.intervention_enrollments e
      left join intervention.session_attendance a on a.tenant_id = e.tenant_id and a.session_id = ${s.id} and a.student_id = e.student_id
      where e.tenant_id = ${TENANT_ID} and e.intervention_id = (select intervention_id from intervention.intervention_sessions where tenant_id = ${TENANT_ID} and id = ${s.id})
        and (a.id is not null or e.is_active)`,
    );
    return out;
  });
  console.log(plans.join("\n"));
} finally {
  await app.close();
  await owner.close();
  await database.stop();
}
