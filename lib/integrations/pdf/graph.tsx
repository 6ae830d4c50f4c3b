import { Circle, G, Line, Polyline, Rect, Svg, Text } from "@react-pdf/renderer";
import type { GraphGeometry } from "@/lib/domain/referrals/chart";

/** The colours of a progress graph in the PDFs, matching the app's charts. */
export const GRAPH_COLORS = {
  ink: "#0f172a",
  muted: "#475569",
  rule: "#cbd5e1",
  score: "#1d4ed8",
  aim: "#15803d",
  trend: "#b45309",
} as const;

const COLORS = GRAPH_COLORS;

/**
 * A progress graph laid out by lib/domain/referrals/chart.ts, drawn with React-PDF's Svg
 * primitives: the referral packet's and the families' summaries alike.
 */
export function Graph({ geometry }: { geometry: GraphGeometry }) {
  const { plot } = geometry;
  return (
    <Svg
      width={geometry.width}
      height={geometry.height}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
    >
      <Rect
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
        fill="none"
        stroke={COLORS.rule}
        strokeWidth={1}
      />
      {geometry.yTicks.map((t) => (
        <G key={`y${t.at}`}>
          <Line
            x1={plot.left}
            y1={t.at}
            x2={plot.right}
            y2={t.at}
            stroke={COLORS.rule}
            strokeWidth={0.5}
          />
          <Text
            x={plot.left - 4}
            y={t.at + 3}
            textAnchor="end"
            style={{ fontSize: 7 }}
            fill={COLORS.muted}
          >
            {t.label}
          </Text>
        </G>
      ))}
      {geometry.xTicks.map((t) => (
        <Text
          key={`x${t.at}`}
          x={t.at}
          y={plot.bottom + 12}
          textAnchor="middle"
          style={{ fontSize: 7 }}
          fill={COLORS.muted}
        >
          {t.label}
        </Text>
      ))}
      {geometry.aimLine ? (
        <Line
          x1={geometry.aimLine.from.x}
          y1={geometry.aimLine.from.y}
          x2={geometry.aimLine.to.x}
          y2={geometry.aimLine.to.y}
          stroke={COLORS.aim}
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
      ) : null}
      {geometry.trendLine ? (
        <Line
          x1={geometry.trendLine.from.x}
          y1={geometry.trendLine.from.y}
          x2={geometry.trendLine.to.x}
          y2={geometry.trendLine.to.y}
          stroke={COLORS.trend}
          strokeWidth={1.5}
        />
      ) : null}
      {geometry.points.length > 1 ? (
        <Polyline
          points={geometry.points.map((p) => `${p.x},${p.y}`).join(" ")}
          fill="none"
          stroke={COLORS.score}
          strokeWidth={1}
        />
      ) : null}
      {geometry.points.map((p) => (
        <Circle key={`${p.x},${p.y}`} cx={p.x} cy={p.y} r={2.5} fill={COLORS.score} />
      ))}
    </Svg>
  );
}
