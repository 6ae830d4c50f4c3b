import { type CalendarDate, daysBetween, mean, type ScorePoint } from "../progress";

const DAYS_PER_WEEK = 7;

export interface GroupAveragePoint {
  /** Weeks since the start date, counting from 0 (a reading before the start is week −1). */
  readonly week: number;
  /** The latest reading date of the week: where the point sits on a time axis. */
  readonly date: CalendarDate;
  readonly average: number;
  /** How many students the average is over: each had at least one reading that week. */
  readonly studentsMeasured: number;
}

/**
 * The group's average week by week, for the dashboard's chart against the aim line
 * (components/effectiveness/group-chart.tsx). Students are probed on different days and some
 * more often than others, so each week a student counts once (the mean of their readings that
 * week) and the group's point is the mean of those: a student read three times does not weigh
 * three times. Weeks without a reading have no point rather than a zero.
 */
export function groupAverageByWeek(
  students: readonly { readonly scores: readonly ScorePoint[] }[],
  startDate: CalendarDate,
): GroupAveragePoint[] {
  const weeks = new Map<number, { latest: CalendarDate; studentMeans: number[] }>();
  for (const student of students) {
    const byWeek = new Map<number, number[]>();
    for (const score of student.scores) {
      const week = Math.floor(daysBetween(startDate, score.date) / DAYS_PER_WEEK);
      byWeek.set(week, [...(byWeek.get(week) ?? []), score.value]);
      const entry = weeks.get(week) ?? { latest: score.date, studentMeans: [] };
      if (score.date > entry.latest) entry.latest = score.date;
      weeks.set(week, entry);
    }
    for (const [week, values] of byWeek) {
      const studentMean = mean(values);
      if (studentMean !== null) weeks.get(week)?.studentMeans.push(studentMean);
    }
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([week, { latest, studentMeans }]) => {
      const average = mean(studentMeans);
      return average === null
        ? []
        : [{ week, date: latest, average, studentsMeasured: studentMeans.length }];
    });
}
