"use client";

import { aimLineElements } from "@/components/progress/aim-lines";
import { dateOf, paddedDomain, toX } from "@/components/progress/chart-axis";
import { TimeChartFrame } from "@/components/progress/time-chart-frame";
import { formatMediumDate, formatShortDate } from "@/lib/domain/calendar/format";
import { formatNumber } from "@/lib/domain/progress/format";
import type { FamilyMeasureProgress } from "@/lib/use-cases/portal/family-views";

export interface FamilyChartText {
  readings: string;
  goalLine: string;
  goal: string;
  legend: string;
  legendNoGoal: string;
  table: string;
  date: string;
  reading: string;
}

/**
 * The family's simplified progress chart for a phone: the readings shared with the family and,
 * when the team set a goal, the line from the baseline to it — no trend, projection or markers,
 * which are the team's working tools (components/progress/progress-chart.tsx draws those). Every
 * word and date is in the parent's language; the table under it carries the same data for
 * screen readers.
 */
export function FamilyProgressChart({
  measure,
  summary,
  text,
  dateLocale,
}: {
  measure: FamilyMeasureProgress;
  /** The chart's description for screen readers, in the parent's language. */
  summary: string;
  text: FamilyChartText;
  dateLocale: string;
}) {
  // Two readings may share a day: the position makes each row's key.
  const readings = measure.readings.map((r, order) => ({
    id: `${r.date}-${order}`,
    date: r.date,
    x: toX(r.date),
    value: r.value,
  }));
  const line = measure.goalLine;
  const xs = [
    ...readings.map((r) => r.x),
    ...(line ? [toX(line.from.date), toX(line.to.date)] : []),
  ];
  const domain = paddedDomain(xs);
  const shortDate = (x: number) => formatShortDate(dateOf(x), dateLocale);
  const longDate = (x: number) => formatMediumDate(dateOf(x), dateLocale);

  return (
    <figure className="space-y-2">
      <TimeChartFrame
        summary={summary}
        heightClassName="h-56"
        domain={domain}
        shortDate={shortDate}
        longDate={longDate}
      >
        {aimLineElements({
          aim: line,
          aimName: text.goalLine,
          readings,
          readingsName: text.readings,
          goalLabel: text.goal,
          fontSize: 12,
        })}
      </TimeChartFrame>
      <figcaption className="text-sm text-slate-700">
        {line ? text.legend : text.legendNoGoal}
      </figcaption>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          {text.table}
        </summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{summary}</caption>
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-1">
                {text.date}
              </th>
              <th scope="col" className="py-1">
                {text.reading}
              </th>
            </tr>
          </thead>
          <tbody>
            {readings.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td className="py-1">{formatMediumDate(r.date, dateLocale)}</td>
                <td className="py-1 font-medium">{formatNumber(r.value)}</td>
              </tr>
            ))}
            {measure.goal !== null ? (
              <tr className="border-t border-slate-200">
                <td className="py-1">
                  {text.goal} · {formatMediumDate(measure.goalDate, dateLocale)}
                </td>
                <td className="py-1 font-medium">{formatNumber(measure.goal)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
