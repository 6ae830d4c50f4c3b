/** What a save of the attendance taker said: the error with its field errors, or the result. */

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { attendedCount, countedMarks } from "@/lib/domain/attendance/attendance-rate";
import type { FieldError } from "@/lib/domain/errors";
import type { AttendanceRecorded } from "@/lib/use-cases/sessions/record-attendance";
import { percent } from "./format";
import type { Payload, SaveFailed } from "./save-attendance";

/** "Liam Carter: Enter the score as a number." for `probeScores.1.value` of the payload sent. */
function describeFieldError(
  error: FieldError,
  sent: Payload | null,
  names: Record<string, string>,
): string {
  const [list, index] = error.path.split(".");
  const items =
    list === "records" ? sent?.records : list === "probeScores" ? sent?.probeScores : [];
  const studentId = index !== undefined ? items?.[Number(index)]?.studentId : undefined;
  return studentId && names[studentId] ? `${names[studentId]}: ${error.message}` : error.message;
}

/**
 * A failed save: the marks stay on screen, so it says so; a refusal (400) says what to fix,
 * anything else offers to try again. The reason's own error is shown under its field instead.
 */
export function SaveError({
  error,
  sent,
  names,
  onRetry,
}: {
  error: SaveFailed;
  sent: Payload | null;
  names: Record<string, string>;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
    >
      <p>
        {error.status === 400
          ? error.message
          : `Not saved: ${error.message} Your marks are still here and kept on this device.`}
      </p>
      {error.fieldErrors.filter((e) => e.path !== "reason").length > 0 ? (
        <ul className="list-disc pl-5">
          {error.fieldErrors
            .filter((e) => e.path !== "reason")
            .map((e) => (
              <li key={e.path}>{describeFieldError(e, sent, names)}</li>
            ))}
        </ul>
      ) : null}
      {error.status !== 400 ? (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

/** The saved session in Scenario 3's words: who attended, the rate, who needs a follow-up. */
export function AttendanceResult({
  result,
  names,
}: {
  result: AttendanceRecorded;
  names: Record<string, string>;
}) {
  return (
    <Card
      role="status"
      className="border-emerald-300 bg-emerald-50"
      data-testid="attendance-result"
    >
      <p className="font-semibold text-emerald-900">
        Attendance saved: {attendedCount(result)} of {countedMarks(result)} attended (
        {percent(result.attendanceRate)}
        ).
      </p>
      {result.flaggedStudentIds.length > 0 ? (
        <p className="mt-1 text-sm text-emerald-900">
          Flagged for follow-up:{" "}
          {result.flaggedStudentIds.map((id) => names[id] ?? "a student").join(", ")}.
        </p>
      ) : null}
    </Card>
  );
}
