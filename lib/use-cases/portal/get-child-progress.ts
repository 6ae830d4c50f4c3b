import { childrenOfGuardian } from "@/db/queries/guardian-links";
import { enrollmentsWithSchedule } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { isFamily } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadStudentProgress } from "../progress/get-student-progress";
import { familyMeasuresOf, toFamilyNote } from "./family-views";

/**
 * One child's progress page in the family portal (`/portal/children/{id}`): per group, its
 * dates and goal, the readings shared with the family against the goal line with where the child
 * stands in plain words, and the notes shared with the family. Only a guardian of the child who
 * is not restricted from them (db/queries/guardian-links.ts → childrenOfGuardian) gets an answer;
 * to anyone else, another family or another district, the child does not exist (404).
 *
 * The readings and notes are the family's view of the progress chart (loadStudentProgress as
 * the parent reads it: notes marked "family", no probe scores — lib/domain/policy/
 * note-visibility.ts → mayReadScores), so the standing is decided on what the family was shown.
 * A parent's reading of their own child is not a disclosure and is not logged
 * (lib/domain/policy/district-admin.ts → isLoggedReader).
 */
export async function getChildProgress(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  const { guardianId, tenantId } = actor;
  if (!isFamily(actor) || !guardianId) throw new ForbiddenError();
  return withTenant(ctx.db, actor, async (tx) => {
    // A guardian restricted from the child is not related to them: the child is not found.
    const children = await childrenOfGuardian(tx, tenantId, guardianId);
    const child = children.find((c) => c.id === studentId);
    if (!child) throw new NotFoundError("Student");
    const [progress, enrollments] = await Promise.all([
      loadStudentProgress(tx, actor, studentId, ctx.now()),
      enrollmentsWithSchedule(tx, tenantId, [studentId]),
    ]);
    const goals = new Map(enrollments.map((e) => [e.interventionId, e.goal]));
    const notes = progress.shownNotes.map(toFamilyNote);
    // Newest group first: what the child is doing now comes before what they did.
    const groups = progress.interventions
      .filter((group) => group.status !== "cancelled")
      .reverse()
      .map((group) => ({
        id: group.id,
        name: group.name,
        status: group.status,
        startDate: group.startDate,
        endDate: group.endDate,
        exitDate: group.exitDate,
        goal: goals.get(group.id) ?? null,
        measures: familyMeasuresOf(progress.timeline.measures, group),
        notes: notes.filter((n) => n.interventionId === group.id),
      }));
    return { child, groups };
  });
}
