import type { NoteRow } from "@/db/queries/progress/notes";
import {
  type NoteVisibility,
  PROGRESS_RATING_LABELS,
  type ProgressRating,
} from "@/lib/domain/sessions/schemas";

/** A progress note as the API shows it; the fields of the request (the API reference: lib/api/routes/) and more. */
export interface NoteDto {
  id: string;
  interventionId: string;
  interventionName: string;
  studentId: string;
  studentName: string;
  date: string;
  observation: string;
  measure: { name: string; value: number; unit: string | null } | null;
  nextSteps: string | null;
  progressRating: ProgressRating | null;
  progressRatingLabel: string | null;
  visibility: NoteVisibility;
  version: number;
  authorName: string | null;
  createdAt: string;
  edited: boolean;
}

/** The reading a note records, when it records one (a name and a value both). */
export function noteMeasure(row: NoteRow) {
  return row.measureName !== null && row.measureValue !== null
    ? { name: row.measureName, value: row.measureValue, unit: row.measureUnit }
    : null;
}

export function toNoteDto(row: NoteRow): NoteDto {
  return {
    id: row.id,
    interventionId: row.interventionId,
    interventionName: row.interventionName,
    studentId: row.studentId,
    studentName: `${row.studentFirstName} ${row.studentLastName}`,
    date: row.noteDate,
    observation: row.observation,
    measure: noteMeasure(row),
    nextSteps: row.nextSteps,
    progressRating: row.progressRating,
    progressRatingLabel: row.progressRating ? PROGRESS_RATING_LABELS[row.progressRating] : null,
    visibility: row.visibility,
    version: row.version,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    edited: row.revisionCount > 0,
  };
}
