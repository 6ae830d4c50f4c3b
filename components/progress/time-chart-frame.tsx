"use client";

import type { ReactNode } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "@/lib/domain/progress/format";

/**
 * The frame a dated chart is drawn in: the student's progress chart (./progress-chart.tsx) and
 * the group's chart (components/effectiveness/group-chart.tsx). The x axis is epoch
 * milliseconds at midnight UTC of a calendar date; `children` are the lines and dots.
 */
export function TimeChartFrame({
  summary,
  heightClassName,
  domain,
  shortDate,
  longDate,
  digits,
  children,
}: {
  /** The chart's description for screen readers, its role="img" label. */
  summary: string;
  /** The height on a narrow screen, e.g. "h-64"; from `sm` on the chart is h-80. */
  heightClassName: string;
  domain: readonly [number, number];
  shortDate: (x: number) => string;
  longDate: (x: number) => string;
  /** The decimals of the tooltip's values (formatNumber's default when left out). */
  digits?: number;
  children: ReactNode;
}) {
  return (
    <div role="img" aria-label={summary} className={`${heightClassName} w-full sm:h-80`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 16, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[domain[0], domain[1]]}
            scale="time"
            tickFormatter={shortDate}
            allowDuplicatedCategory={false}
          />
          {/* Ticks rounded like the tooltip and room for five characters: "0.275" clipped at 44 px. */}
          <YAxis
            width={52}
            domain={["auto", "auto"]}
            tickFormatter={(value: number) => formatNumber(value, digits)}
          />
          <Tooltip
            labelFormatter={(x) => longDate(Number(x))}
            formatter={(value) => formatNumber(Number(value), digits)}
          />
          <Legend />
          {children}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
