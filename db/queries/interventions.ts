import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { type Actor, isManager } from "@/lib/domain/policy";
import type { Tx } from "../client";
import {
  districts,
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  nonInstructionalDays,
  rooms,
  sectionStudents,
  sections,
  staff,
  studentGuardians,
  students,
} from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

export async function districtOf(tx: Tx, tenantId: string) {
  const [row] = await tx.select().from(districts).where(eq(districts.id, tenantId));
  if (!row) throw new Error("The current district is missing: was the tenant set?");
  return row;
}

export async function nonInstructionalDaysBetween(
  tx: Tx,
  tenantId: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ day: nonInstructionalDays.day })
    .from(nonInstructionalDays)
    .where(
      and(
        eq(nonInstructionalDays.tenantId, tenantId),
        gte(nonInstructionalDays.day, from),
        lte(nonInstructionalDays.day, to),
      ),
    );
  return new Set(rows.map((r) => r.day));
}

export async function roomExists(tx: Tx, tenantId: string, roomId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return rows.length > 0;
}

/**
 * Correlated subqueries below must name the outer row in full: drizzle renders a column inside
 * a selected `sql` fragment without its table, which is ambiguous next to the subquery's own.
 */
const outerTenant = sql.raw(`"intervention"."interventions"."tenant_id"`);
const outerId = sql.raw(`"intervention"."interventions"."id"`);

/**
 * The three ways a non-manager can be connected to an intervention, as SQL. The same
 * expressions filter lists and feed the policy's decision on a single intervention.
 */
function relationConditions(actor: Actor) {
  const facilitates = actor.staffId
    ? sql<boolean>`exists (select 1 from ${interventionFacilitators} f
        where f.tenant_id = ${outerTenant} and f.intervention_id = ${outerId}
          and f.staff_id = ${actor.staffId})`
    : sql<boolean>`false`;
  const teachesEnrolledStudent = actor.staffId
    ? sql<boolean>`exists (select 1 from ${interventionEnrollments} e
        join ${sectionStudents} ss on ss.tenant_id = e.tenant_id and ss.student_id = e.student_id
        join ${sections} s on s.tenant_id = ss.tenant_id and s.id = ss.section_id
        where e.tenant_id = ${outerTenant} and e.intervention_id = ${outerId}
          and s.teacher_id = ${actor.staffId})`
    : sql<boolean>`false`;
  const guardianOfEnrolledStudent = actor.guardianId
    ? sql<boolean>`exists (select 1 from ${interventionEnrollments} e
        join ${studentGuardians} g on g.tenant_id = e.tenant_id and g.student_id = e.student_id
        where e.tenant_id = ${outerTenant} and e.intervention_id = ${outerId}
          and g.guardian_id = ${actor.guardianId})`
    : sql<boolean>`false`;
  return { facilitates, teachesEnrolledStudent, guardianOfEnrolledStudent };
}

/** SQL mirror of `interventionAccess(...) !== "none"`, for lists. */
export function visibleInterventions(actor: Actor): SQL {
  const tenant = eq(interventions.tenantId, actor.tenantId);
  if (isManager(actor)) return tenant;
  const r = relationConditions(actor);
  if (actor.role === "parent") return and(tenant, r.guardianOfEnrolledStudent)!;
  return and(tenant, or(r.facilitates, r.teachesEnrolledStudent))!;
}

const enrolledCount = sql<number>`(select count(*)::int from ${interventionEnrollments} e
  where e.tenant_id = ${outerTenant} and e.intervention_id = ${outerId} and e.is_active)`;
const sessionCount = sql<number>`(select count(*)::int from ${interventionSessions} s
  where s.tenant_id = ${outerTenant} and s.intervention_id = ${outerId}
    and s.status <> 'cancelled')`;
const facilitatorIds = sql<string[]>`coalesce((select array_agg(f.staff_id order by f.staff_id)
  from ${interventionFacilitators} f
  where f.tenant_id = ${outerTenant} and f.intervention_id = ${outerId}), '{}')`;
const nextSessionAt = (now: Date) => sql<
  string | null
>`(select min(s.starts_at) from ${interventionSessions} s
  where s.tenant_id = ${outerTenant} and s.intervention_id = ${outerId}
    and s.status = 'scheduled' and s.starts_at + make_interval(mins => s.minutes) > ${now.toISOString()}::timestamptz)`;

const summaryColumns = (now: Date) => ({
  id: interventions.id,
  name: interventions.name,
  tier: interventions.tier,
  focusArea: interventions.focusArea,
  status: interventions.status,
  description: interventions.description,
  goal: interventions.goal,
  startDate: interventions.startDate,
  endDate: interventions.endDate,
  durationWeeks: interventions.durationWeeks,
  scheduleDays: interventions.scheduleDays,
  startTime: interventions.startTime,
  sessionMinutes: interventions.sessionMinutes,
  frequency: interventions.frequency,
  roomId: interventions.roomId,
  version: interventions.version,
  createdAt: interventions.createdAt,
  enrolledCount,
  sessionCount,
  facilitatorIds,
  nextSessionAt: nextSessionAt(now),
});

export type InterventionRow = NonNullable<Awaited<ReturnType<typeof getVisibleIntervention>>>;

export interface InterventionListFilter {
  status?: (typeof interventions.$inferSelect)["status"];
  tier?: number;
  facilitatorId?: string;
  /** Only groups the actor created or facilitates (the dashboard's "your groups"). */
  mine?: boolean;
  /** Keyset cursor: rows created before this (createdAt, id). */
  after?: { createdAt: Date; id: string };
  limit: number;
}

export async function listVisibleInterventions(
  tx: Tx,
  actor: Actor,
  now: Date,
  filter: InterventionListFilter,
) {
  const conditions: SQL[] = [visibleInterventions(actor)];
  if (filter.status) conditions.push(eq(interventions.status, filter.status));
  if (filter.tier) conditions.push(eq(interventions.tier, filter.tier));
  if (filter.facilitatorId) {
    conditions.push(
      inArray(
        interventions.id,
        tx
          .select({ id: interventionFacilitators.interventionId })
          .from(interventionFacilitators)
          .where(
            and(
              eq(interventionFacilitators.tenantId, actor.tenantId),
              eq(interventionFacilitators.staffId, filter.facilitatorId),
            ),
          ),
      ),
    );
  }
  if (filter.mine) {
    const { facilitates } = relationConditions(actor);
    conditions.push(or(eq(interventions.createdBy, actor.userId), facilitates)!);
  }
  if (filter.after) {
    conditions.push(
      or(
        lt(interventions.createdAt, filter.after.createdAt),
        and(
          eq(interventions.createdAt, filter.after.createdAt),
          lt(interventions.id, filter.after.id),
        ),
      )!,
    );
  }
  return tx
    .select(summaryColumns(now))
    .from(interventions)
    .where(and(...conditions))
    .orderBy(desc(interventions.createdAt), desc(interventions.id))
    .limit(filter.limit);
}

/** One intervention with the actor's relation to it, or null when it is not in the district. */
export async function getVisibleIntervention(tx: Tx, actor: Actor, id: string, now: Date) {
  const relation = relationConditions(actor);
  const [row] = await tx
    .select({
      ...summaryColumns(now),
      facilitates: relation.facilitates,
      teachesEnrolledStudent: relation.teachesEnrolledStudent,
      guardianOfEnrolledStudent: relation.guardianOfEnrolledStudent,
    })
    .from(interventions)
    .where(and(eq(interventions.tenantId, actor.tenantId), eq(interventions.id, id)));
  return row ?? null;
}

export async function interventionRoster(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      enrollmentId: interventionEnrollments.id,
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      localId: students.localId,
      enrollmentDate: interventionEnrollments.enrollmentDate,
      isActive: interventionEnrollments.isActive,
    })
    .from(interventionEnrollments)
    .innerJoin(students, tenantJoin(students.id, interventionEnrollments.studentId))
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        eq(interventionEnrollments.interventionId, interventionId),
      ),
    )
    .orderBy(asc(students.lastName), asc(students.firstName));
}

export async function interventionSessionList(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: interventionSessions.id,
      sequence: interventionSessions.sequence,
      date: interventionSessions.sessionDate,
      startsAt: interventionSessions.startsAt,
      minutes: interventionSessions.minutes,
      status: interventionSessions.status,
      cancellationReason: interventionSessions.cancellationReason,
      makeupForSessionId: interventionSessions.makeupForSessionId,
    })
    .from(interventionSessions)
    .where(
      and(
        eq(interventionSessions.tenantId, tenantId),
        eq(interventionSessions.interventionId, interventionId),
      ),
    )
    .orderBy(asc(interventionSessions.startsAt));
}

export async function facilitatorsOf(tx: Tx, tenantId: string, interventionId: string) {
  return tx
    .select({
      id: staff.id,
      displayName: staff.displayName,
      email: staff.email,
      phone: staff.phone,
      title: staff.title,
    })
    .from(interventionFacilitators)
    .innerJoin(staff, tenantJoin(staff.id, interventionFacilitators.staffId))
    .where(
      and(
        eq(interventionFacilitators.tenantId, tenantId),
        eq(interventionFacilitators.interventionId, interventionId),
      ),
    )
    .orderBy(asc(staff.lastName), asc(staff.id));
}

export async function activelyEnrolledStudentIds(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ studentId: interventionEnrollments.studentId })
    .from(interventionEnrollments)
    .where(
      and(
        eq(interventionEnrollments.tenantId, tenantId),
        eq(interventionEnrollments.interventionId, interventionId),
        eq(interventionEnrollments.isActive, true),
      ),
    );
  return new Set(rows.map((r) => r.studentId));
}

export async function insertIntervention(
  tx: Tx,
  intervention: typeof interventions.$inferInsert,
): Promise<typeof interventions.$inferSelect> {
  return returnedRow(await tx.insert(interventions).values(intervention).returning());
}

export async function insertFacilitators(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  staffIds: readonly string[],
): Promise<void> {
  await tx
    .insert(interventionFacilitators)
    .values(staffIds.map((staffId) => ({ tenantId, interventionId, staffId })));
}

/** Enrollment rows for these students, all from one date; returns each one's id. */
export async function insertEnrollments(
  tx: Tx,
  tenantId: string,
  interventionId: string,
  studentIds: readonly string[],
  enrollmentDate: string,
): Promise<{ id: string; studentId: string }[]> {
  return tx
    .insert(interventionEnrollments)
    .values(
      studentIds.map((studentId) => ({ tenantId, interventionId, studentId, enrollmentDate })),
    )
    .returning({ id: interventionEnrollments.id, studentId: interventionEnrollments.studentId });
}

/** Serializes changes to one intervention's roster until the transaction ends. */
export async function lockIntervention(
  tx: Tx,
  tenantId: string,
  interventionId: string,
): Promise<void> {
  await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)))
    .for("update");
}
