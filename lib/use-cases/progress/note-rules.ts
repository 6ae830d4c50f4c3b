import type { Tx } from "@/db/client";
import { districtOf } from "@/db/queries/districts";
import { interventionRoster } from "@/db/queries/interventions/details";
import type { NoteContent } from "@/db/queries/progress/notes";
import { todayIn } from "@/lib/domain/calendar/dates";
import { NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import type { ProgressNoteInput } from "@/lib/domain/sessions/schemas";
import type { UseCaseContext } from "../context";

/**
 * What every note, new or edited, must satisfy: its student is (or was) in the group, and it is
 * not dated in the future on the district's calendar.
 */
export async function checkNoteFacts(
  tx: Tx,
  ctx: UseCaseContext,
  note: { interventionId: string; studentId: string; date: string },
): Promise<void> {
  const { tenantId } = ctx.actor;
  const [roster, district] = await Promise.all([
    interventionRoster(tx, tenantId, note.interventionId),
    districtOf(tx, tenantId),
  ]);
  if (!roster.some((r) => r.studentId === note.studentId)) {
    throw new NotFoundError("Student", "The student is not in this group.", [
      { path: "studentId", message: "Pick a student of this group." },
    ]);
  }
  if (note.date > todayIn(district.timeZone, ctx.now())) {
    throw new UnprocessableError("A progress note cannot be dated in the future.", [
      { path: "date", message: "Pick today or an earlier day." },
    ]);
  }
}

/** The note as stored from what its author wrote, new or edited; what is left out is null. */
export function noteContent(input: Omit<ProgressNoteInput, "studentId">): NoteContent {
  return {
    noteDate: input.date,
    observation: input.observation,
    measureName: input.measure?.name ?? null,
    measureValue: input.measure?.value ?? null,
    measureUnit: input.measure?.unit ?? null,
    nextSteps: input.nextSteps ?? null,
    progressRating: input.progressRating ?? null,
    visibility: input.visibility,
  };
}
