/** Writes what happened before the demo's "today": held sessions, attendance, progress notes. */

import { and, asc, desc, eq, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { sessionTimeColumns } from "@/db/queries/sessions/session-columns";
import {
  interventionEnrollments,
  interventionSessions,
  interventions,
  progressNotes,
  sessionAttendance,
  students,
  tierChanges,
} from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import type { LocalDate } from "@/lib/domain/calendar/dates";
import type { CreatedGroup } from "./create-groups";
import { groupHistory } from "./history";
import { BATCH_ROWS, insertAll } from "./insert-all";
import type { DistrictPlan } from "./plan";
import type { Rng } from "./random";

/**
 * What happened before "today": held sessions with notes, attendance, progress notes; the
 * enrollments date from the group's start, and each enrolled student's tier is the group's.
 */
export async function writeHistory(
  db: Database,
  plan: DistrictPlan,
  created: readonly CreatedGroup[],
  today: LocalDate,
  rng: Rng,
): Promise<void> {
  const { tenantId } = plan;
  await withTenant(db, { tenantId }, async (tx) => {
    const ids = created.map((c) => c.id);
    const past = await tx
      .select({
        ...sessionTimeColumns,
      })
      .from(interventionSessions)
      .where(
        and(
          eq(interventionSessions.tenantId, tenantId),
          inArray(interventionSessions.interventionId, ids),
          lt(interventionSessions.sessionDate, today),
        ),
      )
      .orderBy(asc(interventionSessions.startsAt));
    const leftToTake = await latestSessionsLeftToTake(tx, plan, created, today);

    const sessionNotes: Array<{ id: string; notes: string }> = [];
    const attendance: (typeof sessionAttendance.$inferInsert)[] = [];
    const notes: (typeof progressNotes.$inferInsert)[] = [];
    plan.groups.forEach((group, index) => {
      const intervention = created[index]!;
      const rows = groupHistory(
        rng,
        tenantId,
        intervention.id,
        intervention.startDate,
        group,
        past.filter((s) => s.interventionId === intervention.id && !leftToTake.has(s.id)),
      );
      sessionNotes.push(...rows.sessionNotes);
      attendance.push(...rows.attendance);
      notes.push(...rows.progressNotes);
    });

    const heldIds = past.filter((s) => !leftToTake.has(s.id)).map((s) => s.id);
    if (heldIds.length > 0) {
      await tx
        .update(interventionSessions)
        .set({ status: "held" })
        .where(
          and(
            eq(interventionSessions.tenantId, tenantId),
            inArray(interventionSessions.id, heldIds),
          ),
        );
    }
    for (let i = 0; i < sessionNotes.length; i += BATCH_ROWS) {
      const values: SQL[] = sessionNotes
        .slice(i, i + BATCH_ROWS)
        .map((n) => sql`(${n.id}::uuid, ${n.notes}::text)`);
      await tx.execute(sql`
        update ${interventionSessions} set notes = v.notes
        from (values ${sql.join(values, sql`, `)}) as v(id, notes)
        where ${interventionSessions.tenantId} = ${tenantId} and ${interventionSessions.id} = v.id`);
    }
    await insertAll(tx, sessionAttendance, attendance);
    await insertAll(tx, progressNotes, notes);

    // Enrolled from the day the group started (the use-case enrolls "today").
    for (const group of created) {
      if (group.startDate >= today) continue;
      await tx
        .update(interventionEnrollments)
        .set({ enrollmentDate: group.startDate })
        .where(
          and(
            eq(interventionEnrollments.tenantId, tenantId),
            eq(interventionEnrollments.interventionId, group.id),
          ),
        );
    }
    await tx.execute(sql`
      update ${students} s set current_tier = t.tier
      from (
        select e.student_id, max(i.tier_level) as tier
        from ${interventionEnrollments} e
        join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
        where e.tenant_id = ${tenantId} and e.is_active and i.status = 'active'
        group by e.student_id
      ) t
      where s.tenant_id = ${tenantId} and s.id = t.student_id`);
    // Each Tier 2/3 student's history starts with the placement that put them there: the
    // highest-tier group they are in, from its first day (Scenario 7's timeline has a beginning).
    await tx.execute(sql`
      insert into ${tierChanges}
        (tenant_id, student_id, from_tier, to_tier, decided_on, decision, justification,
         intervention_id, decided_by)
      select distinct on (e.student_id)
        e.tenant_id, e.student_id, 1, i.tier_level, i.start_date, 'start',
        'Placed in ' || i.intervention_name || ' after the fall screening.', i.id, i.created_by
      from ${interventionEnrollments} e
      join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
      where e.tenant_id = ${tenantId} and e.is_active and i.status = 'active' and i.tier_level > 1
      order by e.student_id, i.tier_level desc, i.start_date`);
  });
}

/**
 * The sessions the seed leaves for the facilitator to take (GroupHistory.latestLeftToTake):
 * of each such group, its latest session before today when today has none of its own.
 */
async function latestSessionsLeftToTake(
  tx: Tx,
  plan: DistrictPlan,
  created: readonly CreatedGroup[],
  today: LocalDate,
): Promise<Set<string>> {
  const left = new Set<string>();
  for (const [index, group] of plan.groups.entries()) {
    if (!group.history.latestLeftToTake) continue;
    const [latest] = await tx
      .select({ id: interventionSessions.id, date: interventionSessions.sessionDate })
      .from(interventionSessions)
      .where(
        and(
          eq(interventionSessions.tenantId, plan.tenantId),
          eq(interventionSessions.interventionId, created[index]!.id),
          lte(interventionSessions.sessionDate, today),
        ),
      )
      .orderBy(desc(interventionSessions.sessionDate))
      .limit(1);
    if (latest && latest.date < today) left.add(latest.id);
  }
  return left;
}
