"use client";

import { ReferenceDot } from "recharts";
import { aimLineElements } from "@/components/progress/aim-lines";
import {
  type DatedSegment,
  longDate,
  paddedDomain,
  shortDate,
  toX,
} from "@/components/progress/chart-axis";
import { TimeChartFrame } from "@/components/progress/time-chart-frame";
import { formatNumber } from "@/lib/domain/progress/format";

export interface GroupChartPoint {
  date: string;
  week: number;
  average: number;
  studentsMeasured: number;
}

/**
 * The group's weekly average (lib/domain/effectiveness/group-average.ts) against its aim line
 * (the mean baseline on the start date to the goal on the end date), with the projected end
 * average beside the goal. The table under it carries the same data for screen readers.
 */
export function GroupChart({
  measureName,
  points,
  aim,
  projected,
  studentCount,
}: {
  measureName: string;
  points: readonly GroupChartPoint[];
  aim: DatedSegment | null;
  projected: { date: string; value: number } | null;
  studentCount: number;
}) {
  const data = points.map((p) => ({ ...p, x: toX(p.date), value: p.average }));
  const xs = [
    ...data.map((p) => p.x),
    ...(aim ? [toX(aim.from.date), toX(aim.to.date)] : []),
    ...(projected ? [toX(projected.date)] : []),
  ];
  const [from, to] = paddedDomain(xs);
  const last = data.at(-1);
  const summary = `${measureName}, the group's weekly average: ${data.length} week${data.length === 1 ? "" : "s"} with scores${last ? `, latest ${formatNumber(last.value, 1)} on ${longDate(last.x)}` : ""}${aim ? `; the aim line runs from ${formatNumber(aim.from.value, 1)} on ${longDate(toX(aim.from.date))} to the goal of ${formatNumber(aim.to.value)} on ${longDate(toX(aim.to.date))}` : ""}${projected ? `; projected end average ${formatNumber(projected.value, 1)}` : ""}.`;

  return (
    <figure className="space-y-2">
      <TimeChartFrame
        summary={summary}
        heightClassName="h-64"
        domain={[from, to]}
        shortDate={shortDate}
        longDate={longDate}
        digits={1}
      >
        {aimLineElements({
          aim,
          aimName: "Aim line",
          readings: data,
          readingsName: "Group average",
          goalLabel: "Goal",
          fontSize: 11,
        })}
        {projected ? (
          <ReferenceDot
            x={toX(projected.date)}
            y={projected.value}
            r={5}
            fill="#1d4ed8"
            stroke="none"
            label={{ value: "Projected", position: "bottom", fontSize: 11 }}
          />
        ) : null}
      </TimeChartFrame>
      <figcaption className="text-sm text-slate-700">
        {summary} The solid line is the group's average each week (each student counted once a
        week); the dashed green line is the aim line.
      </figcaption>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          The data as a table
        </summary>
        <table className="mt-2 w-full text-left text-sm" data-testid="group-average-table">
          <caption className="sr-only">The group's weekly average of {measureName}</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Week
              </th>
              <th scope="col" className="py-1 pr-3">
                Latest reading
              </th>
              <th scope="col" className="py-1 pr-3">
                Average
              </th>
              <th scope="col" className="py-1">
                Students measured
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.week} className="border-t border-slate-200">
                <td className="py-1 pr-3">{p.week < 0 ? "Before the start" : p.week + 1}</td>
                <td className="py-1 pr-3">{longDate(p.x)}</td>
                <td className="py-1 pr-3 font-medium">{formatNumber(p.value, 1)}</td>
                <td className="py-1">
                  {p.studentsMeasured} of {studentCount}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
