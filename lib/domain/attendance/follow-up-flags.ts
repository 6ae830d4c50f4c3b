import type { AttendanceStatus } from "./types";

export interface FollowUpSettings {
  readonly consecutiveAbsences: number;
  readonly totalAbsences: number;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  consecutiveAbsences: 2,
  totalAbsences: 3,
};

export type FollowUpReason = "consecutive" | "total";

export interface FollowUpFlag {
  readonly studentId: string;
  readonly reasons: readonly FollowUpReason[];
  /** Longest run of absences in the intervention so far. */
  readonly longestAbsenceStreak: number;
  /** Run of absences still open at the latest session: 0 once the student is back. */
  readonly currentAbsenceStreak: number;
  readonly totalAbsences: number;
}

/** A flagged student as a list shows them: the name beside the flag's reasons and absences. */
export type FlaggedStudent = Pick<
  FollowUpFlag,
  "studentId" | "reasons" | "totalAbsences" | "currentAbsenceStreak"
> & { firstName: string; lastName: string };

interface AbsenceTally {
  longestStreak: number;
  currentStreak: number;
  total: number;
}

/**
 * Excused marks neither break nor extend a streak. An excused day (a field trip, a documented
 * illness) is not a sign of disengagement, so it must not count; but the student was not seen
 * either, so it must not hide that the unexcused absences on either side of it form one run.
 * Tardy breaks a streak: the student came.
 */
function tallyAbsences(statuses: readonly AttendanceStatus[]): AbsenceTally {
  const tally: AbsenceTally = { longestStreak: 0, currentStreak: 0, total: 0 };
  for (const status of statuses) {
    if (status === "excused") continue;
    if (status === "absent") {
      tally.total += 1;
      tally.currentStreak += 1;
      tally.longestStreak = Math.max(tally.longestStreak, tally.currentStreak);
    } else {
      tally.currentStreak = 0;
    }
  }
  return tally;
}

/**
 * Flags every student whose history (in session order) has reached either district threshold at
 * any point of the intervention. A streak that has since ended still counts, like the total does:
 * whether the follow-up has already happened is tracked by whoever acts on the flag, not here.
 */
export function followUpFlags(
  historyPerStudent: Readonly<Record<string, readonly AttendanceStatus[]>>,
  settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS,
): FollowUpFlag[] {
  const flags: FollowUpFlag[] = [];
  for (const [studentId, statuses] of Object.entries(historyPerStudent)) {
    const tally = tallyAbsences(statuses);
    const reasons: FollowUpReason[] = [];
    if (tally.longestStreak >= settings.consecutiveAbsences) reasons.push("consecutive");
    if (tally.total >= settings.totalAbsences) reasons.push("total");
    if (reasons.length > 0) {
      flags.push({
        studentId,
        reasons,
        longestAbsenceStreak: tally.longestStreak,
        currentAbsenceStreak: tally.currentStreak,
        totalAbsences: tally.total,
      });
    }
  }
  return flags;
}
