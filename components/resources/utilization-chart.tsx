"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "@/lib/domain/progress/format";

export interface UtilizationBar {
  key: string;
  label: string;
  /** Average hours a week, booked and available. */
  booked: number;
  available: number;
}

/**
 * Hours booked against hours available per week, one pair of bars per room or resource, on one
 * scale. The table under the chart carries the same figures for screen readers.
 */
export function UtilizationChart({ bars }: { bars: readonly UtilizationBar[] }) {
  const summary = `Hours booked against hours available per week for ${bars.length} rooms and resources${
    bars[0]
      ? `; the busiest is ${bars[0].label}, ${formatNumber(bars[0].booked, 1)} of ${formatNumber(bars[0].available, 1)} hours a week`
      : ""
  }.`;
  const height = Math.max(160, 40 * bars.length + 60);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={[...bars]}
          layout="vertical"
          margin={{ top: 8, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" unit=" h" />
          <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => `${formatNumber(Number(value), 1)} h / week`} />
          <Legend />
          <Bar name="Booked per week" dataKey="booked" fill="#1d4ed8" isAnimationActive={false} />
          <Bar
            name="Available per week"
            dataKey="available"
            fill="#cbd5e1"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
