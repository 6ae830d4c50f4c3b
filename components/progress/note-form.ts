/** The note editor's form: its values as typed, its two modes, and the measure to prefill. */

import type { Reading } from "@/lib/domain/progress/previous-reading";
import type { NoteVisibility, ProgressRating } from "@/lib/domain/sessions/schemas";
import type { ActionResult } from "@/lib/server/action";

/** What the form's fields hold: text, as typed. The shared schema coerces and checks it. */
export interface NoteFormValues {
  studentId: string;
  date: string;
  observation: string;
  measure: { name: string; value: string; unit: string };
  nextSteps: string;
  progressRating: ProgressRating | "";
  visibility: NoteVisibility;
  reason: string;
  version: number;
}

type CreateAction = (
  values: unknown,
  interventionId: string,
  idempotencyKey: string,
) => Promise<ActionResult<{ id: string; studentId: string; studentName: string }>>;
type EditAction = (
  values: unknown,
  interventionId: string,
  noteId: string,
) => Promise<ActionResult<{ id: string; studentId: string; studentName: string }>>;

/** A new note for one of the group's students, or a change to one note. */
export type Mode =
  | { kind: "create"; action: CreateAction; students: { id: string; name: string }[] }
  | { kind: "edit"; action: EditAction; noteId: string; studentName: string };

/** The fields a server error may name outside the measure. */
export const TOP_FIELDS = new Set<string>([
  "studentId",
  "date",
  "observation",
  "nextSteps",
  "progressRating",
  "visibility",
  "reason",
]);

/** The measure a student was last read on, else the intervention's own. */
export function measureFor(
  readings: readonly Reading[],
  fallback: { name: string; unit: string | null } | null,
): { name: string; unit: string } {
  const latest = [...readings].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const measure = latest ?? fallback;
  return { name: measure?.name ?? "", unit: measure?.unit ?? "" };
}
