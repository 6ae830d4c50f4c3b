"use client";

import { Line, ReferenceDot, ReferenceLine } from "recharts";
import { formatNumber } from "@/lib/domain/progress/format";
import type { MeasureTimeline, TimelineMarker } from "@/lib/domain/progress/timeline";
import { longDate, paddedDomain, shortDate, toX } from "./chart-axis";
import { TimeChartFrame } from "./time-chart-frame";

const MARKER_COLOURS: Record<TimelineMarker["kind"], string> = {
  "intervention-start": "#15803d",
  "intervention-end": "#64748b",
  "tier-change": "#b45309",
};

type Segment = MeasureTimeline["segments"][number];

/** Each intervention's two lines: every aim line first, then every trend line. */
const SEGMENT_LINES = [
  { key: "aim", name: "Aim line", stroke: "#15803d", dash: "8 4", of: (s: Segment) => s.aimLine },
  { key: "trend", name: "Trend", stroke: "#1d4ed8", dash: "3 3", of: (s: Segment) => s.trendLine },
] as const;

/** The two ends of an aim, each drawn as a labelled dot: all baselines first, then all goals. */
const AIM_ENDS = [
  {
    key: "baseline",
    label: "Baseline",
    position: "bottom",
    at: (s: Segment) => ({ date: s.startDate, value: s.baseline }),
  },
  {
    key: "goal",
    label: "Goal",
    position: "top",
    at: (s: Segment) => ({ date: s.endDate, value: s.goal }),
  },
] as const;

/**
 * One measure's timeline across the student's interventions: the scores (probes as circles,
 * note readings as diamonds), each intervention's aim line (baseline at its start to the goal
 * at its end) and trend line, and vertical lines where an intervention started or ended or the
 * tier changed. The table under it carries the same data for screen readers.
 */
export function ProgressChart({
  measure,
  markers,
}: {
  measure: MeasureTimeline;
  markers: readonly TimelineMarker[];
}) {
  const points = measure.points.map((p, order) => ({
    id: `${p.date}-${p.source}-${p.interventionId}-${order}`,
    x: toX(p.date),
    value: p.value,
    source: p.source,
    intervention: p.interventionName,
  }));
  const lineXs = measure.segments.flatMap((s) =>
    [s.aimLine, s.trendLine].flatMap((l) => (l ? [toX(l.from.date), toX(l.to.date)] : [])),
  );
  const xs = [...points.map((p) => p.x), ...lineXs];
  const [from, to] = paddedDomain(xs);
  const shownMarkers = markers.filter((m) => toX(m.date) >= from && toX(m.date) <= to);
  const unit = measure.unit ? ` (${measure.unit})` : "";
  const summary = `${measure.name}${unit}: ${points.length} readings from ${longDate(points[0]?.x ?? from)} to ${longDate(points.at(-1)?.x ?? to)}, latest ${formatNumber(points.at(-1)?.value ?? 0)}.`;

  return (
    <figure className="space-y-2">
      <TimeChartFrame
        summary={summary}
        heightClassName="h-72"
        domain={[from, to]}
        shortDate={shortDate}
        longDate={longDate}
      >
        {shownMarkers.map((marker) => (
          <ReferenceLine
            key={`${marker.kind}-${marker.date}-${marker.label}`}
            x={toX(marker.date)}
            stroke={MARKER_COLOURS[marker.kind]}
            strokeDasharray={marker.kind === "tier-change" ? "6 3" : "2 2"}
            label={{ value: marker.label, position: "insideTopLeft", fontSize: 11 }}
          />
        ))}
        {SEGMENT_LINES.flatMap((kind) =>
          measure.segments.map((segment) => {
            const line = kind.of(segment);
            return line ? (
              <Line
                key={`${kind.key}-${segment.interventionId}`}
                name={`${kind.name} (${segment.interventionName})`}
                data={[
                  { x: toX(line.from.date), value: line.from.value },
                  { x: toX(line.to.date), value: line.to.value },
                ]}
                dataKey="value"
                stroke={kind.stroke}
                strokeDasharray={kind.dash}
                dot={false}
                isAnimationActive={false}
              />
            ) : null;
          }),
        )}
        <Line
          name="Scores"
          data={points}
          dataKey="value"
          stroke="#0f172a"
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props: {
            cx?: number;
            cy?: number;
            index?: number;
            payload?: { source: string };
          }) => {
            const { cx = 0, cy = 0, index = 0, payload } = props;
            return payload?.source === "note" ? (
              <path
                key={`dot-${index}`}
                d={`M ${cx} ${cy - 5} L ${cx + 5} ${cy} L ${cx} ${cy + 5} L ${cx - 5} ${cy} Z`}
                fill="#7c3aed"
              />
            ) : (
              <circle key={`dot-${index}`} cx={cx} cy={cy} r={4} fill="#0f172a" />
            );
          }}
        />
        {AIM_ENDS.flatMap((end) =>
          measure.segments.map((segment) => {
            const at = end.at(segment);
            return at.value !== null ? (
              <ReferenceDot
                key={`${end.key}-${segment.interventionId}`}
                x={toX(at.date)}
                y={at.value}
                r={5}
                fill="#15803d"
                stroke="none"
                label={{ value: end.label, position: end.position, fontSize: 11 }}
              />
            ) : null;
          }),
        )}
      </TimeChartFrame>
      <figcaption className="text-sm text-slate-700">
        {summary} Circles are probe scores, diamonds are readings from progress notes; the dashed
        green line is the aim line, the dotted blue line the trend.
      </figcaption>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          The data as a table
        </summary>
        <table className="mt-2 w-full text-left text-sm" data-testid="progress-table">
          <caption className="sr-only">{measure.name} readings</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1">
                Date
              </th>
              <th scope="col" className="py-1">
                {measure.name}
              </th>
              <th scope="col" className="py-1">
                From
              </th>
              <th scope="col" className="py-1">
                Intervention
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id} className="border-t border-slate-200">
                <td className="py-1">{longDate(point.x)}</td>
                <td className="py-1 font-medium">{formatNumber(point.value)}</td>
                <td className="py-1">{point.source === "note" ? "Progress note" : "Probe"}</td>
                <td className="py-1">{point.intervention}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
