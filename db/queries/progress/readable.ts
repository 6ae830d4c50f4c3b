import { and, type Column, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, isManager, readableVisibilities } from "@/lib/domain/policy";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  probeScores,
  progressNotes,
  sectionStudents,
  sections,
  studentGuardians,
  students,
} from "../../schema";
import { qualified } from "../qualified";

/*
 * Who may read a progress note or a probe score, as SQL: the mirror of
 * lib/domain/policy/note-visibility.ts, applied inside every query that reads them, so a page,
 * the API and any export share one filter and a forgotten check cannot leak a note.
 */

function facilitatesIntervention(staffId: string, tenantId: Column, interventionId: Column) {
  return sql<boolean>`exists (select 1 from ${interventionFacilitators} f
    where f.tenant_id = ${qualified(tenantId)} and f.intervention_id = ${qualified(interventionId)}
      and f.staff_id = ${staffId})`;
}

function teachesStudent(staffId: string, tenantId: Column, studentId: Column) {
  return sql<boolean>`exists (select 1 from ${sectionStudents} ss
    join ${sections} sec on sec.tenant_id = ss.tenant_id and sec.id = ss.section_id
    where ss.tenant_id = ${qualified(tenantId)} and ss.student_id = ${qualified(studentId)}
      and sec.teacher_id = ${staffId})`;
}

function guardianOfStudent(guardianId: string, tenantId: Column, studentId: Column) {
  return sql<boolean>`exists (select 1 from ${studentGuardians} g
    where g.tenant_id = ${qualified(tenantId)} and g.student_id = ${qualified(studentId)}
      and g.guardian_id = ${guardianId})`;
}

/** The notes the actor may read: managers all, facilitators their groups', teachers and families what is shared with them. */
export function readableNotes(actor: Actor): SQL {
  const tenant = eq(progressNotes.tenantId, actor.tenantId);
  if (isManager(actor)) return tenant;
  if (actor.role === "parent") {
    if (!actor.guardianId) return sql`false`;
    return and(
      tenant,
      inArray(progressNotes.visibility, readableVisibilities("family")),
      guardianOfStudent(actor.guardianId, progressNotes.tenantId, progressNotes.studentId),
    )!;
  }
  if (!actor.staffId) return sql`false`;
  return and(
    tenant,
    sql`(${facilitatesIntervention(actor.staffId, progressNotes.tenantId, progressNotes.interventionId)}
      or (${inArray(progressNotes.visibility, readableVisibilities("teachers"))}
        and ${teachesStudent(actor.staffId, progressNotes.tenantId, progressNotes.studentId)}))`,
  )!;
}

/** Probe scores: the team and the student's teachers; families see what notes share with them. */
export function readableScores(actor: Actor): SQL {
  const tenant = eq(probeScores.tenantId, actor.tenantId);
  if (isManager(actor)) return tenant;
  if (actor.role === "parent" || !actor.staffId) return sql`false`;
  return and(
    tenant,
    sql`(${facilitatesIntervention(actor.staffId, probeScores.tenantId, probeScores.interventionId)}
      or ${teachesStudent(actor.staffId, probeScores.tenantId, probeScores.studentId)})`,
  )!;
}

/** How the actor is connected to one student: the facts the note policy decides on. */
export async function studentConnection(tx: Tx, actor: Actor, studentId: string) {
  const staffId = actor.staffId;
  const guardianId = actor.guardianId;
  const [row] = await tx
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      currentTier: students.currentTier,
      teachesStudent: staffId
        ? teachesStudent(staffId, students.tenantId, students.id)
        : sql<boolean>`false`,
      guardianOfStudent: guardianId
        ? guardianOfStudent(guardianId, students.tenantId, students.id)
        : sql<boolean>`false`,
      facilitatedInterventionIds: staffId
        ? sql<string[]>`coalesce((select array_agg(distinct e.intervention_id)
            from ${interventionEnrollments} e
            join ${interventionFacilitators} f on f.tenant_id = e.tenant_id
              and f.intervention_id = e.intervention_id and f.staff_id = ${staffId}
            where e.tenant_id = ${qualified(students.tenantId)} and e.student_id = ${qualified(students.id)}), '{}')`
        : sql<string[]>`'{}'::uuid[]`,
    })
    .from(students)
    .where(and(eq(students.tenantId, actor.tenantId), eq(students.id, studentId)));
  return row ?? null;
}
