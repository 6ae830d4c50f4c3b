import type { Tx } from "@/db/client";
import { nonInstructionalDaysBetween } from "@/db/queries/districts";
import { isWeekend, type LocalDate } from "@/lib/domain/calendar/dates";
import { UnprocessableError } from "@/lib/domain/errors";

/**
 * A session may only be put on a school day: a weekday the district does not mark
 * non-instructional. Moving one and adding a make-up both ask this.
 */
export async function requireSchoolDay(tx: Tx, tenantId: string, date: LocalDate): Promise<void> {
  const problem = isWeekend(date)
    ? "Sessions take place on school days, Monday to Friday."
    : (await nonInstructionalDaysBetween(tx, tenantId, date, date)).size > 0
      ? "The district marks this day non-instructional."
      : null;
  if (problem) {
    throw new UnprocessableError("There is no school on that day.", [
      { path: "date", message: problem },
    ]);
  }
}
