"use client";

import { Line, ReferenceDot } from "recharts";
import { DAY, toX } from "@/components/progress/chart-axis";
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

/** x (midnight UTC of a calendar date, as chart-axis.ts's toX gives it) back to its date. */
const dateOf = (x: number) => new Date(x).toISOString().slice(0, 10);

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
  const domain = [Math.min(...xs) - 3 * DAY, Math.max(...xs) + 3 * DAY] as const;
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
        {line ? (
          <Line
            name={text.goalLine}
            data={[
              { x: toX(line.from.date), value: line.from.value },
              { x: toX(line.to.date), value: line.to.value },
            ]}
            dataKey="value"
            stroke="#15803d"
            strokeDasharray="8 4"
            dot={false}
            isAnimationActive={false}
          />
        ) : null}
        <Line
          name={text.readings}
          data={readings}
          dataKey="value"
          stroke="#0f172a"
          strokeWidth={2}
          dot={{ r: 4, fill: "#0f172a" }}
          isAnimationActive={false}
        />
        {line ? (
          <ReferenceDot
            x={toX(line.to.date)}
            y={line.to.value}
            r={5}
            fill="#15803d"
            stroke="none"
            label={{ value: text.goal, position: "top", fontSize: 12 }}
          />
        ) : null}
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
