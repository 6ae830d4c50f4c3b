import type { GraphGeometry } from "@/lib/domain/referrals/chart";

/**
 * A referral packet's progress graph on the print page: the same geometry the PDF draws with
 * React-PDF's Svg primitives (lib/integrations/pdf), here as an HTML `<svg>`.
 */
export function PacketGraph({ geometry, title }: { geometry: GraphGeometry; title: string }) {
  const { plot } = geometry;
  return (
    <svg
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      className="w-full max-w-2xl"
      role="img"
      aria-label={title}
    >
      <rect
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
        fill="none"
        stroke="#cbd5e1"
      />
      {geometry.yTicks.map((t) => (
        <g key={`y${t.at}`}>
          <line x1={plot.left} y1={t.at} x2={plot.right} y2={t.at} stroke="#e2e8f0" />
          <text x={plot.left - 4} y={t.at + 3} textAnchor="end" fontSize={8} fill="#475569">
            {t.label}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((t) => (
        <text
          key={`x${t.at}`}
          x={t.at}
          y={plot.bottom + 12}
          textAnchor="middle"
          fontSize={8}
          fill="#475569"
        >
          {t.label}
        </text>
      ))}
      {geometry.aimLine ? (
        <line
          x1={geometry.aimLine.from.x}
          y1={geometry.aimLine.from.y}
          x2={geometry.aimLine.to.x}
          y2={geometry.aimLine.to.y}
          stroke="#15803d"
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
      ) : null}
      {geometry.trendLine ? (
        <line
          x1={geometry.trendLine.from.x}
          y1={geometry.trendLine.from.y}
          x2={geometry.trendLine.to.x}
          y2={geometry.trendLine.to.y}
          stroke="#b45309"
          strokeWidth={1.5}
        />
      ) : null}
      {geometry.points.length > 1 ? (
        <polyline
          points={geometry.points.map((p) => `${p.x},${p.y}`).join(" ")}
          fill="none"
          stroke="#1d4ed8"
        />
      ) : null}
      {geometry.points.map((p) => (
        <circle key={`${p.x},${p.y}`} cx={p.x} cy={p.y} r={2.5} fill="#1d4ed8" />
      ))}
    </svg>
  );
}
