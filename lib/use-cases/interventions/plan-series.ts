import type { Tx } from "@/db/client";
import type { District } from "@/db/queries/districts";
import { nonInstructionalDaysBetween } from "@/db/queries/districts";
import { addDays, type LocalDate } from "@/lib/domain/calendar/dates";
import { UnprocessableError } from "@/lib/domain/errors";
import { generateSessions, type WeeklyPattern } from "@/lib/domain/schedule/generate-sessions";

/**
 * A group's planned series on the district's calendar (create and schedule edits alike), with
 * the days without school it skipped; a pattern that yields no session is refused (422).
 */
export async function planSeries(
  tx: Tx,
  district: District,
  plan: { startDate: LocalDate; durationWeeks: number; schedule: WeeklyPattern },
) {
  // A year of calendar covers any plan of at most 40 weeks plus the holidays inside it.
  const holidays = await nonInstructionalDaysBetween(
    tx,
    district.id,
    plan.startDate,
    addDays(plan.startDate, 366),
  );
  const sessions = generateSessions({
    startDate: plan.startDate,
    durationWeeks: plan.durationWeeks,
    pattern: plan.schedule,
    timeZone: district.timeZone,
    nonInstructionalDays: holidays,
  });
  const lastSession = sessions.at(-1);
  if (!lastSession) {
    throw new UnprocessableError("No instructional day matches this schedule.", [
      { path: "schedule.days", message: "Every matching day is marked non-instructional." },
    ]);
  }
  return { sessions, lastSession, holidays };
}
