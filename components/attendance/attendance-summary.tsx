import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type {
  AttendanceCounts,
  DeliveryToDate,
  Fidelity,
  FlaggedStudent,
  FollowUpReason,
} from "@/lib/domain/attendance";
import { attendedCount, countedMarks } from "@/lib/domain/attendance/attendance-rate";
import { percent } from "./format";

export const FOLLOW_UP_REASON_LABELS: Record<FollowUpReason, string> = {
  consecutive: "absences in a row",
  total: "absences in total",
};

/** "2 absences in a row", "3 absences in total". */
export function describeFlag(flag: {
  reasons: readonly FollowUpReason[];
  totalAbsences: number;
  currentAbsenceStreak: number;
}): string {
  return flag.reasons.includes("consecutive") && flag.currentAbsenceStreak > 0
    ? `${flag.currentAbsenceStreak} ${FOLLOW_UP_REASON_LABELS.consecutive} (${flag.totalAbsences} in total)`
    : `${flag.totalAbsences} ${FOLLOW_UP_REASON_LABELS.total}`;
}

/**
 * The group's attendance and delivery: the rate over the sessions held, fidelity to date (sessions
 * and minutes against the plan, trusted from 80%), and who is flagged for follow-up.
 */
export function AttendanceSummary({
  counts,
  attendanceRate,
  delivery,
  fidelity,
  flags,
}: {
  counts: AttendanceCounts;
  attendanceRate: number | null;
  delivery: DeliveryToDate;
  fidelity: Fidelity;
  flags?: FlaggedStudent[];
}) {
  return (
    <Card aria-labelledby="attendance-heading" data-testid="attendance-summary">
      <h2 id="attendance-heading" className="text-lg font-semibold">
        Attendance and fidelity
      </h2>
      <dl className="mt-2 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Stat
          term="Attendance rate"
          className="text-xl font-semibold"
          data-testid="intervention-attendance-rate"
          note={`${attendedCount(counts)} of ${countedMarks(counts)} marks`}
        >
          {percent(attendanceRate)}
        </Stat>
        <Stat
          term="Sessions held"
          className="text-xl font-semibold"
          note={`${delivery.sessionsHeld} of ${delivery.sessionsScheduledToDate} to date`}
        >
          {percent(fidelity.sessionRate)}
        </Stat>
        <Stat
          term="Minutes delivered"
          className="text-xl font-semibold"
          note={`${delivery.minutesDelivered} of ${delivery.minutesPlanned} min`}
        >
          {percent(fidelity.minutesRate)}
        </Stat>
        <Stat
          term="Fidelity"
          className={`font-semibold ${fidelity.trusted ? "text-emerald-800" : "text-red-800"}`}
        >
          {fidelity.trusted
            ? "Delivered as planned"
            : fidelity.sessionRate === null
              ? "No sessions yet"
              : `Below ${percent(fidelity.threshold)}: not yet reliable for decisions`}
        </Stat>
      </dl>
      {flags && flags.length > 0 ? (
        <div className="mt-3">
          <h3 className="font-semibold">Flagged for follow-up</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="intervention-flags">
            {flags.map((flag) => (
              <li key={flag.studentId}>
                <Link
                  href={`/students/${flag.studentId}/progress`}
                  className="font-medium text-brand-700 underline"
                >
                  {flag.firstName} {flag.lastName}
                </Link>{" "}
                · {describeFlag(flag)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
