import type { Tx } from "@/db/client";
import { notesReadTargets, recordRead } from "@/db/queries/audit";
import { interventionsOfStudent, readableScoresOfStudent } from "@/db/queries/progress/measures";
import { readableNotesWhere } from "@/db/queries/progress/notes";
import { studentConnection } from "@/db/queries/progress/readable";
import { tierChangesOf } from "@/db/queries/tier-changes";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { type Actor, readerAudience } from "@/lib/domain/policy";
import {
  buildProgressTimeline,
  type TimelineIntervention,
  type TimelineReading,
} from "@/lib/domain/progress/timeline";
import { audienceOfStudent, relationToStudent } from "../access";
import type { UseCaseContext } from "../context";
import { deliveryOf } from "../sessions/delivery-of";
import { toNoteDto } from "./note-dto";

/**
 * A student's progress across all their interventions (`GET /students/{id}/progress`): the
 * chart's timelines, the tier changes and the notes the reader may see. Every score and note
 * passes the same visibility filter as everywhere else; a student the reader has no tie to does
 * not exist for them.
 */
export async function getStudentProgress(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const {
      deliveries: _deliveries,
      shownNotes,
      ...progress
    } = await loadStudentProgress(tx, actor, studentId, ctx.now());
    await recordRead(tx, actor, ctx.requestId, [
      { entityType: "student", entityId: studentId, studentId, details: { view: "progress" } },
      ...notesReadTargets(shownNotes, "progress"),
    ]);
    return { ...progress, notes: shownNotes.map(toNoteDto) };
  });
}

/**
 * The progress chart's data as the actor may see it, read in the caller's transaction (the
 * progress page, the referral packet): the timelines, each intervention's delivery and fidelity,
 * the tier changes and the readable notes. Logs nothing; the caller records the read.
 */
export async function loadStudentProgress(tx: Tx, actor: Actor, studentId: string, now: Date) {
  // One round trip for the reads: every one of them filters by what the reader may see on its
  // own, and nothing is used before the reader's tie to the student is established below.
  const [student, allEnrollments, notes, scores, tierChanges] = await Promise.all([
    studentConnection(tx, actor, studentId),
    interventionsOfStudent(tx, actor.tenantId, studentId),
    readableNotesWhere(tx, actor, { studentId }),
    readableScoresOfStudent(tx, actor, studentId),
    tierChangesOf(tx, actor.tenantId, studentId),
  ]);
  const audience = audienceOfStudent(actor, student);
  if (!student || audience === null) throw new NotFoundError("Student");

  // One line per intervention: a student who left and came back keeps their latest enrollment.
  const byIntervention = new Map(allEnrollments.map((e) => [e.id, e]));
  const enrollments = [...byIntervention.values()].filter(
    (e) => readerAudience(actor, relationToStudent(student, e.id)) !== null,
  );
  const visible = new Set(enrollments.map((e) => e.id));
  const deliveries = await deliveryOf(tx, actor.tenantId, enrollments, now);
  const shownNotes = notes.filter((n) => visible.has(n.interventionId));

  const interventions: TimelineIntervention[] = enrollments.map((e) => ({
    id: e.id,
    name: e.name,
    tier: e.tier,
    startDate: e.startDate,
    endDate: e.endDate,
    exitDate: e.isActive ? null : e.exitDate,
    measure: e.measureName
      ? {
          name: e.measureName,
          unit: e.measureUnit,
          direction: e.measureDirection,
          goal: e.goalValue,
        }
      : null,
    fidelity: deliveries.get(e.id)?.fidelity ?? null,
  }));
  const readings: TimelineReading[] = [
    ...scores.flatMap((s) =>
      s.measureName && visible.has(s.interventionId)
        ? [
            {
              interventionId: s.interventionId,
              date: s.date,
              value: s.value,
              measureName: s.measureName,
              unit: s.measureUnit,
              source: "probe" as const,
            },
          ]
        : [],
    ),
    ...shownNotes.flatMap((n) =>
      n.measureName !== null && n.measureValue !== null
        ? [
            {
              interventionId: n.interventionId,
              date: n.noteDate,
              value: n.measureValue,
              measureName: n.measureName,
              unit: n.measureUnit,
              source: "note" as const,
            },
          ]
        : [],
    ),
  ];

  return {
    student: {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      grade: student.grade,
      currentTier: student.currentTier,
    },
    audience,
    interventions: interventions.map((i) => ({
      ...i,
      status: byIntervention.get(i.id)!.status,
    })),
    timeline: buildProgressTimeline({ interventions, readings, tierChanges }),
    tierChanges,
    deliveries,
    shownNotes,
  };
}
