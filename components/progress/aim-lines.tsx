import { Line, ReferenceDot } from "recharts";
import { type DatedSegment, toX } from "./chart-axis";

/**
 * The lines a chart of readings against a goal draws (the group's chart and the family's): the
 * dashed green aim line from the baseline to the goal, the solid line of readings over it, and
 * the goal's green dot labelled above. Elements, not a component, so that they stand as the
 * chart frame's direct children like any other line. Without an aim, only the readings.
 */
export function aimLineElements({
  aim,
  aimName,
  readings,
  readingsName,
  goalLabel,
  fontSize,
}: {
  aim: DatedSegment | null;
  aimName: string;
  readings: readonly { x: number; value: number }[];
  readingsName: string;
  goalLabel: string;
  fontSize: number;
}) {
  return [
    aim ? (
      <Line
        key="aim"
        name={aimName}
        data={[
          { x: toX(aim.from.date), value: aim.from.value },
          { x: toX(aim.to.date), value: aim.to.value },
        ]}
        dataKey="value"
        stroke="#15803d"
        strokeDasharray="8 4"
        dot={false}
        isAnimationActive={false}
      />
    ) : null,
    <Line
      key="readings"
      name={readingsName}
      data={[...readings]}
      dataKey="value"
      stroke="#0f172a"
      strokeWidth={2}
      dot={{ r: 4, fill: "#0f172a" }}
      isAnimationActive={false}
    />,
    aim ? (
      <ReferenceDot
        key="goal"
        x={toX(aim.to.date)}
        y={aim.to.value}
        r={5}
        fill="#15803d"
        stroke="none"
        label={{ value: goalLabel, position: "top", fontSize }}
      />
    ) : null,
  ];
}
