/**
 * What the benchmark runs do to the dataset of dataset.ts between measurements: the sessions the
 * attendance runs record (reset before each run), the people new groups are made of, and the
 * removal of the groups the create runs added.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withTenant } from "@/db/with-tenant";
import { id, SCALE, TENANT_ID } from "./dataset";

export interface PoolSession {
  id: string;
  studentIds: string[];
}

/**
 * The sessions up to today of the active groups, with their students: each attendance request
 * records one of them, as a first save. Their earlier bench marks are removed first, so every
 * run records the same kind of session.
 */
export async function resetAttendancePool(db: Database, today: string): Promise<PoolSession[]> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const pool = sql`select s.id from intervention.intervention_sessions s
      join intervention.interventions i on i.tenant_id = s.tenant_id and i.id = s.intervention_id
      where s.tenant_id = ${TENANT_ID} and i.status = 'active' and s.session_date <= ${today}::date`;
    await tx.execute(
      sql`delete from intervention.session_attendance where tenant_id = ${TENANT_ID} and session_id in (${pool})`,
    );
    await tx.execute(
      sql`delete from intervention.probe_scores where tenant_id = ${TENANT_ID} and session_id in (${pool})`,
    );
    await tx.execute(
      sql`update intervention.intervention_sessions set status = 'scheduled', notes = null
          where tenant_id = ${TENANT_ID} and id in (${pool})`,
    );
    const rows = await tx.execute<{ id: string; student_ids: string[] }>(sql`
      select s.id, array_agg(e.student_id order by e.student_id) as student_ids
      from intervention.intervention_sessions s
      join intervention.interventions i on i.tenant_id = s.tenant_id and i.id = s.intervention_id
      join intervention.intervention_enrollments e
        on e.tenant_id = s.tenant_id and e.intervention_id = s.intervention_id and e.is_active
      where s.tenant_id = ${TENANT_ID} and i.status = 'active' and s.session_date <= ${today}::date
      group by s.id
      order by md5(s.id::text)`);
    return rows.map((r) => ({ id: r.id, studentIds: r.student_ids }));
  });
}

/** Students with a history: numbers 1, 6, 11, … are each in three groups over the year. */
export function studentsWithHistory(): string[] {
  const ids: string[] = [];
  for (let n = 1; n <= SCALE.students; n += 5) ids.push(id("student", n));
  return ids;
}

/** Students for new groups and facilitators for them, by number. */
export const studentId = (n: number) => id("student", n);
export const facilitatorStaffId = (n: number) =>
  id("staff", SCALE.teachers + ((n - 1) % SCALE.facilitators) + 1);

/** What the create runs added: removed afterwards so the dataset stays the same size. */
export async function removeCreatedGroups(db: Database, namePrefix: string): Promise<number> {
  return withTenant(db, { tenantId: TENANT_ID }, async (tx) => {
    const created = sql`select id from intervention.interventions
      where tenant_id = ${TENANT_ID} and intervention_name like ${`${namePrefix}%`}`;
    for (const table of [
      "intervention_enrollments",
      "intervention_sessions",
      "intervention_facilitators",
    ]) {
      await tx.execute(
        sql`delete from ${sql.identifier("intervention")}.${sql.identifier(table)}
            where tenant_id = ${TENANT_ID} and intervention_id in (${created})`,
      );
    }
    const removed = await tx.execute(
      sql`delete from intervention.interventions where tenant_id = ${TENANT_ID} and id in (${created})`,
    );
    await tx.execute(sql`delete from intervention.idempotency_keys where tenant_id = ${TENANT_ID}`);
    return removed.count ?? 0;
  });
}
