/**
 * Why an enrollment ended (`intervention_enrollments.exit_reason`). `met-exit-criteria` is
 * written by an approved exit review, `completed` when the group itself ends; staff end an
 * enrollment for the other reasons (`POST /interventions/{id}/students/{studentId}/exit`).
 */
export const EXIT_REASONS = [
  "met-exit-criteria",
  "moved-away",
  "family-opt-out",
  "completed-planned-duration",
  "completed",
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** The reasons a person may give by hand (the others are written by the exit review and the job). */
export const MANUAL_EXIT_REASONS = [
  "moved-away",
  "family-opt-out",
  "completed-planned-duration",
] as const satisfies readonly ExitReason[];
export type ManualExitReason = (typeof MANUAL_EXIT_REASONS)[number];

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  "met-exit-criteria": "Met the exit criteria",
  "moved-away": "Moved away",
  "family-opt-out": "Family opted out",
  "completed-planned-duration": "Completed the planned duration",
  completed: "The group ended",
};

/** The label of a stored reason; an older free-text reason is shown as written. */
export function exitReasonLabel(reason: string | null | undefined): string {
  if (!reason) return "—";
  return (EXIT_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}
