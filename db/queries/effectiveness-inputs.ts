import { and, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { AttendanceCounts, AttendanceStatus } from "@/lib/domain/attendance";
import type { Actor } from "@/lib/domain/policy";
import type { Tx } from "../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  probeScores,
  progressNotes,
  rooms,
  schools,
  sessionAttendance,
  staff,
  students,
} from "../schema";
import { rosterStudentColumns } from "./interventions/details";
import { readableNotes } from "./progress/readable";
import { qualified } from "./qualified";
import { tenantJoin } from "./tenant-join";
import { ofGroups } from "./tenant-row";

/**
 * The inputs of the effectiveness rules for many groups at once (the district view and the
 * caseload, lib/use-cases/progress/groups-effectiveness.ts): one query per kind of input for all
 * the groups, never one round trip per group. Each is the set-based twin of a one-group query
 * getEffectiveness uses (lib/use-cases/progress/get-effectiveness.ts).
 */

const facilitatorList = sql<{ id: string; name: string }[]>`coalesce((
  select json_agg(json_build_object('id', st.id, 'name', st.display_name) order by st.last_name, st.id)
  from ${interventionFacilitators} f
  join ${staff} st on st.tenant_id = f.tenant_id and st.id = f.staff_id
  where f.tenant_id = ${qualified(interventions.tenantId)} and f.intervention_id = ${qualified(interventions.id)}
), '[]'::json)`;

/**
 * A group's school: the one it names, else its room's (create-intervention sets the room, not
 * the school; lib/use-cases/interventions/create-intervention.ts).
 */
const schoolOfGroup = sql<string | null>`coalesce(${interventions.schoolId}, ${rooms.schoolId})`;

/**
 * The district's active groups with what each row of the district view shows; with `of`, only
 * those the user created or whose facilitators include their staff record (the caseload).
 */
export async function activeGroups(
  tx: Tx,
  tenantId: string,
  of?: { userId: string; staffId: string | null },
) {
  const mine = of
    ? or(
        eq(interventions.createdBy, of.userId),
        of.staffId
          ? sql<boolean>`exists (select 1 from ${interventionFacilitators} f
              where f.tenant_id = ${qualified(interventions.tenantId)}
                and f.intervention_id = ${qualified(interventions.id)} and f.staff_id = ${of.staffId})`
          : sql<boolean>`false`,
      )
    : undefined;
  return groupsWhere(
    tx,
    and(eq(interventions.tenantId, tenantId), eq(interventions.status, "active"), mine),
  );
}

/**
 * Groups by id, whatever their status, with the columns activeGroups gives: one group's
 * effectiveness computed as the district view computes each row's
 * (lib/use-cases/progress/effectiveness-summary.ts).
 */
export async function groupsById(tx: Tx, tenantId: string, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return groupsWhere(
    tx,
    and(eq(interventions.tenantId, tenantId), inArray(interventions.id, interventionIds)),
  );
}

function groupsWhere(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      id: interventions.id,
      name: interventions.name,
      tier: interventions.tier,
      focusArea: interventions.focusArea,
      schoolId: schoolOfGroup,
      schoolName: schools.name,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      durationWeeks: interventions.durationWeeks,
      scheduleDays: interventions.scheduleDays,
      sessionMinutes: interventions.sessionMinutes,
      measureName: interventions.measureName,
      measureUnit: interventions.measureUnit,
      direction: interventions.measureDirection,
      goal: interventions.goalValue,
      proficiencyTarget: interventions.proficiencyTarget,
      facilitators: facilitatorList,
    })
    .from(interventions)
    .leftJoin(rooms, tenantJoin(rooms.id, interventions.roomId))
    .leftJoin(
      schools,
      and(eq(schools.tenantId, interventions.tenantId), sql`${schools.id} = ${schoolOfGroup}`),
    )
    .where(where)
    .orderBy(asc(interventions.name), asc(interventions.id));
}

export type ActiveGroup = Awaited<ReturnType<typeof activeGroups>>[number];

/** Everyone ever enrolled in the groups, as interventionRoster gives one group's. */
export async function rostersOf(tx: Tx, tenantId: string, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select({
      interventionId: interventionEnrollments.interventionId,
      ...rosterStudentColumns,
      isActive: interventionEnrollments.isActive,
    })
    .from(interventionEnrollments)
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    .where(ofGroups(interventionEnrollments, tenantId, interventionIds))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
}

/** Marks by status per group, as interventionAttendanceCounts gives one group's. */
export async function attendanceCountsOf(
  tx: Tx,
  tenantId: string,
  interventionIds: string[],
): Promise<Map<string, AttendanceCounts>> {
  const counts = new Map<string, AttendanceCounts>();
  if (interventionIds.length === 0) return counts;
  // The marks of each session counted through the one-mark index (tenant, session, student):
  // the aggregate inside the lateral keeps the planner on one index lookup per session, where a
  // plain join (attendanceMarkCounts) reads all the district's marks (a million at district scale,
  // about 200 ms) to keep the few thousand sessions' (docs/benchmarks.md). Held sessions only, as
  // attendanceMarkCounts counts them: the only ones with marks, and often half of a group's.
  const rows = await tx.execute<{ interventionId: string; status: AttendanceStatus; n: number }>(
    sql`select s.intervention_id as "interventionId", m.status, sum(m.n)::int as n
      from ${interventionSessions} s
      cross join lateral (
        select a.attendance_status as status, count(*) as n
        from ${sessionAttendance} a
        where a.tenant_id = s.tenant_id and a.session_id = s.id
        group by a.attendance_status
      ) m
      where s.tenant_id = ${tenantId}
        and s.intervention_id in (${sql.join(
          interventionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        and s.status = 'held'
      group by s.intervention_id, m.status`,
  );
  for (const row of rows) {
    const group = counts.get(row.interventionId) ?? { present: 0, absent: 0, tardy: 0, excused: 0 };
    group[row.status] += row.n;
    counts.set(row.interventionId, group);
  }
  return counts;
}

/** A probe score as the effectiveness rules read it; the template's outcomes too (./templates.ts). */
export const probeScoreColumns = {
  interventionId: probeScores.interventionId,
  studentId: probeScores.studentId,
  date: probeScores.scoreDate,
  value: probeScores.value,
};

/** A note's measure reading as the effectiveness rules read it; the template's outcomes too. */
export const noteReadingColumns = {
  interventionId: progressNotes.interventionId,
  studentId: progressNotes.studentId,
  date: progressNotes.noteDate,
  measureName: progressNotes.measureName,
  value: progressNotes.measureValue,
  unit: progressNotes.measureUnit,
};

/** Every probe score of the groups, oldest first, as probeScoresOfIntervention gives one group's. */
export async function probeScoresOf(tx: Tx, tenantId: string, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return tx
    .select(probeScoreColumns)
    .from(probeScores)
    .where(
      and(eq(probeScores.tenantId, tenantId), inArray(probeScores.interventionId, interventionIds)),
    )
    .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt));
}

/**
 * Whose notes the figures are computed from: an actor's (the notes they may read), or every note
 * of the district, as the stored summaries are (lib/use-cases/progress/effectiveness-summary.ts).
 */
export type NoteReader = Actor | { tenantId: string; everyNote: true };

/**
 * The measure readings of the groups' notes the reader may read (readableNotes, the filter
 * getEffectiveness reads notes through), whatever measure they name: the caller keeps those in
 * the group's own measure. Newest first, as readableNotesWhere gives them to getEffectiveness,
 * so the two pages merge the same readings in the same order.
 */
export async function readableReadingsOf(tx: Tx, reader: NoteReader, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  const rows = await tx
    .select(noteReadingColumns)
    .from(progressNotes)
    .where(
      and(
        "everyNote" in reader ? eq(progressNotes.tenantId, reader.tenantId) : readableNotes(reader),
        inArray(progressNotes.interventionId, interventionIds),
        isNotNull(progressNotes.measureName),
        isNotNull(progressNotes.measureValue),
      ),
    )
    .orderBy(desc(progressNotes.noteDate), desc(progressNotes.createdAt));
  return rows.flatMap((r) =>
    r.measureName !== null && r.value !== null
      ? [{ ...r, measureName: r.measureName, value: r.value }]
      : [],
  );
}
