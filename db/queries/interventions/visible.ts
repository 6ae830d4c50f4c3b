import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { type Actor, INTERVENTION_RELATIONS, interventionVisibility } from "@/lib/domain/policy";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  interventionSessions,
  interventions,
  sectionStudents,
  sections,
  studentGuardians,
} from "../../schema";
import { inGroupsFacilitatedBy } from "../facilitated-by";
import { studentIsPresent } from "../student-presence";
import { scheduleColumns } from "./schedule-columns";

/** Interventions as one actor may see them: the visibility filter as SQL, a list, one group. */

/**
 * Correlated subqueries below must name the outer row in full: drizzle renders a column inside
 * a selected `sql` fragment without its table, which is ambiguous next to the subquery's own.
 */
const outerTenant = sql.raw(`"intervention"."interventions"."tenant_id"`);
const outerId = sql.raw(`"intervention"."interventions"."id"`);

/** The enrolled student (`e` below) is still in the district. */
const enrolledStudentIsPresent = studentIsPresent(sql.raw("e.tenant_id"), sql.raw("e.student_id"));

/**
 * The three ways a non-manager can be connected to an intervention, as SQL. The same
 * expressions filter lists and feed the policy's decision on a single intervention. A teacher's
 * and a family's tie is an active enrollment: once the student's enrollment ends (exit, the
 * group completed, or the student left the district) the group is closed to them, while the child's own history (student page,
 * portal) still lists it, as those read the student's enrollments, not the group.
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
          and e.is_active and s.teacher_id = ${actor.staffId}
          and ${enrolledStudentIsPresent})`
    : sql<boolean>`false`;
  const guardianOfEnrolledStudent = actor.guardianId
    ? sql<boolean>`exists (select 1 from ${interventionEnrollments} e
        join ${studentGuardians} g on g.tenant_id = e.tenant_id and g.student_id = e.student_id
        where e.tenant_id = ${outerTenant} and e.intervention_id = ${outerId}
          and e.is_active and g.guardian_id = ${actor.guardianId} and not g.contact_restricted
          and ${enrolledStudentIsPresent})`
    : sql<boolean>`false`;
  return { facilitates, teachesEnrolledStudent, guardianOfEnrolledStudent };
}

/**
 * `seesIntervention` (lib/domain/policy/policy.ts) as SQL, for lists. The rule is not written
 * again here: the policy says which connections open a group to this actor (all of them for a
 * role that sees every group), and the filter is the `or` of those connections' conditions.
 */
export function visibleInterventions(actor: Actor): SQL {
  const tenant = eq(interventions.tenantId, actor.tenantId);
  const { unrelated, byRelation } = interventionVisibility(actor);
  if (unrelated) return tenant;
  const r = relationConditions(actor);
  const opening = INTERVENTION_RELATIONS.filter((key) => byRelation[key]).map((key) => r[key]);
  return and(tenant, or(...opening) ?? sql`false`)!;
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
  ...scheduleColumns,
  roomId: interventions.roomId,
  templateId: interventions.templateId,
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
      inGroupsFacilitatedBy(tx, interventions.id, actor.tenantId, filter.facilitatorId),
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
