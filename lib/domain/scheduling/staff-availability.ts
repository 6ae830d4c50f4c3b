import type { LocalDate, Weekday } from "../calendar/dates";
import { weekdayOf } from "../calendar/dates";
import { type ClockTime, minutesOf, minutesOverlap } from "./clock-time";
import type { AbsenceKind } from "./kinds";

/**
 * Whether a facilitator can take a session at a time: their recorded absences and working
 * hours (docs/domain.md, "Time facts"). Used by the conflict finder (conflicts.ts).
 */

export interface StaffFacts {
  id: string;
  name: string;
  /** Working hours by weekday; null when none are recorded (hours are then not checked). */
  workingHours: Partial<Record<Weekday, { startTime: ClockTime; endTime: ClockTime }>> | null;
  absences: {
    kind: AbsenceKind;
    startsOn: LocalDate;
    endsOn: LocalDate;
    startTime: ClockTime | null;
    endTime: ClockTime | null;
  }[];
  caseloadCap: number | null;
  /** Students in this person's other active groups. */
  caseload: number;
}

/** Why a person cannot take a session then, or null when they can. */
export function unavailability(
  person: StaffFacts,
  date: LocalDate,
  start: number,
  end: number,
): string | null {
  for (const absence of person.absences) {
    if (date < absence.startsOn || date > absence.endsOn) continue;
    if (
      absence.startTime === null ||
      absence.endTime === null ||
      minutesOverlap(start, end, minutesOf(absence.startTime), minutesOf(absence.endTime))
    ) {
      return `is away (${ABSENCE_WORDING[absence.kind]})`;
    }
  }
  if (person.workingHours) {
    const hours = person.workingHours[weekdayOf(date)];
    if (!hours) return "does not work that day";
    if (start < minutesOf(hours.startTime) || end > minutesOf(hours.endTime)) {
      return `works ${hours.startTime}–${hours.endTime} that day`;
    }
  }
  return null;
}

const ABSENCE_WORDING: Record<AbsenceKind, string> = {
  leave: "leave",
  training: "training",
  other: "away",
};
