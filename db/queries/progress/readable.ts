import { and, type Column, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  type Actor,
  NOTE_AUDIENCES,
  NOTE_RELATIONS,
  type NoteAudience,
  type NoteRelation,
  noteReading,
  scoreReading,
} from "@/lib/domain/policy";
import type { Tx } from "../../client";
import {
  interventionEnrollments,
  interventionFacilitators,
  probeScores,
  progressNotes,
  sectionStudents,
  sections,
  students,
} from "../../schema";
import { guardianReachesStudent } from "../guardian-links";
import { qualified } from "../qualified";
import { studentIsPresent } from "../student-presence";
import { studentNameColumns } from "../students";

/*
 * Who may read a progress note or a probe score, as SQL, applied inside every query that reads
 * them, so a page, the API and any export share one filter and a forgotten check cannot leak a
 * note. The rules are lib/domain/policy/note-visibility.ts's: this file only writes each
 * connection as an `exists` and asks the policy (noteReading, scoreReading) what each opens.
 */

function facilitatesIntervention(staffId: string, tenantId: Column, interventionId: Column) {
  return sql<boolean>`exists (select 1 from ${interventionFacilitators} f
    where f.tenant_id = ${qualified(tenantId)} and f.intervention_id = ${qualified(interventionId)}
      and f.staff_id = ${staffId})`;
}

/** A teacher follows the students on their class rosters while the student is in the district. */
function teachesStudent(staffId: string, tenantId: Column, studentId: Column) {
  return sql<boolean>`exists (select 1 from ${sectionStudents} ss
    join ${sections} sec on sec.tenant_id = ss.tenant_id and sec.id = ss.section_id
    where ss.tenant_id = ${qualified(tenantId)} and ss.student_id = ${qualified(studentId)}
      and sec.teacher_id = ${staffId})
    and ${studentIsPresent(qualified(tenantId), qualified(studentId))}`;
}

function guardianOfStudent(guardianId: string, tenantId: Column, studentId: Column) {
  // A guardian under a contact restriction for this child is no guardian of it here, nor
  // after the child has left the district.
  return sql<boolean>`${guardianReachesStudent(tenantId, studentId, guardianId)}
    and ${studentIsPresent(qualified(tenantId), qualified(studentId))}`;
}

/** Each connection of the actor to a row as SQL; null when the actor has no record to connect through. */
function connections(
  actor: Actor,
  row: { tenantId: Column; interventionId: Column; studentId: Column },
): Record<keyof NoteRelation, SQL | null> {
  return {
    facilitatesIntervention: actor.staffId
      ? facilitatesIntervention(actor.staffId, row.tenantId, row.interventionId)
      : null,
    teachesStudent: actor.staffId
      ? teachesStudent(actor.staffId, row.tenantId, row.studentId)
      : null,
    guardianOfStudent: actor.guardianId
      ? guardianOfStudent(actor.guardianId, row.tenantId, row.studentId)
      : null,
  };
}

/** Every visibility, or only some: no filter when the list holds them all. */
function visibilityIn(visibilities: readonly NoteAudience[]): SQL | undefined {
  return visibilities.length === NOTE_AUDIENCES.length
    ? undefined
    : inArray(progressNotes.visibility, [...visibilities]);
}

/** The notes the actor may read: managers all, facilitators their groups', teachers and families what is shared with them. */
export function readableNotes(actor: Actor): SQL {
  const tenant = eq(progressNotes.tenantId, actor.tenantId);
  const { unrelated, byRelation } = noteReading(actor);
  if (unrelated.length === NOTE_AUDIENCES.length) return tenant;
  const connected = connections(actor, progressNotes);
  const clauses = [
    ...(unrelated.length > 0 ? [visibilityIn(unrelated)] : []),
    ...NOTE_RELATIONS.flatMap((key) => {
      const condition = connected[key];
      return byRelation[key].length > 0 && condition
        ? [and(visibilityIn(byRelation[key]), condition)]
        : [];
    }),
  ];
  if (clauses.length === 0) return sql`false`;
  return and(tenant, or(...clauses))!;
}

/** Probe scores: the team and the student's teachers; families see what notes share with them. */
export function readableScores(actor: Actor): SQL {
  const tenant = eq(probeScores.tenantId, actor.tenantId);
  const { unrelated, byRelation } = scoreReading(actor);
  if (unrelated) return tenant;
  const connected = connections(actor, probeScores);
  const clauses = NOTE_RELATIONS.flatMap((key) => {
    const condition = connected[key];
    return byRelation[key] && condition ? [condition] : [];
  });
  if (clauses.length === 0) return sql`false`;
  return and(tenant, or(...clauses))!;
}

/** How the actor is connected to one student: the facts the note policy decides on. */
export async function studentConnection(tx: Tx, actor: Actor, studentId: string) {
  const staffId = actor.staffId;
  const guardianId = actor.guardianId;
  const [row] = await tx
    .select({
      ...studentNameColumns,
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
