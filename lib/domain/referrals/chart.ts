import { formatShortDate } from "../calendar/format";
import { addDays, type CalendarDate, daysBetween } from "../progress/calendar-date";
import { formatNumber } from "../progress/format";

/**
 * A progress graph as plain geometry, in the graph's own coordinates (origin top left): the
 * referral packet's PDF (React-PDF's Svg primitives) and its print page (an HTML `<svg>`) draw
 * the same numbers, so the two cannot disagree.
 */
export interface GraphPoint {
  readonly x: number;
  readonly y: number;
}

export interface GraphLine {
  readonly from: GraphPoint;
  readonly to: GraphPoint;
}

export interface GraphTick {
  readonly at: number;
  readonly label: string;
}

export interface GraphGeometry {
  readonly width: number;
  readonly height: number;
  /** The plotting area inside the axes. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly xTicks: readonly GraphTick[];
  readonly yTicks: readonly GraphTick[];
  readonly points: readonly GraphPoint[];
  readonly aimLine: GraphLine | null;
  readonly trendLine: GraphLine | null;
}

export interface DatedValue {
  readonly date: CalendarDate;
  readonly value: number;
}

export interface GraphInput {
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  readonly scores: readonly DatedValue[];
  readonly aimLine: { readonly from: DatedValue; readonly to: DatedValue } | null;
  readonly trendLine: { readonly from: DatedValue; readonly to: DatedValue } | null;
  readonly goal: number | null;
}

export const GRAPH_WIDTH = 480;
export const GRAPH_HEIGHT = 220;
const MARGIN = { left: 40, top: 10, right: 12, bottom: 24 } as const;
const Y_TICKS = 5;
const X_TICKS = 5;

const byDate = (a: CalendarDate, b: CalendarDate) => (a < b ? -1 : a > b ? 1 : 0);

/** Lays the scores, the aim line and the trend line out on one time and value scale. */
export function graphGeometry(
  input: GraphInput,
  width = GRAPH_WIDTH,
  height = GRAPH_HEIGHT,
): GraphGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom,
  };
  const lines = [input.aimLine, input.trendLine].filter((l) => l !== null);
  const dated = [...input.scores, ...lines.flatMap((l) => [l.from, l.to])];
  const dates = [input.startDate, input.endDate, ...dated.map((d) => d.date)].sort(byDate);
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const span = Math.max(1, daysBetween(first, last));

  const values = [...dated.map((d) => d.value), ...(input.goal === null ? [] : [input.goal])];
  let low = values.length ? Math.min(...values) : 0;
  let high = values.length ? Math.max(...values) : 1;
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  const pad = (high - low) * 0.1;
  low = Math.max(low >= 0 ? 0 : low - pad, low - pad);
  high += pad;

  const x = (date: CalendarDate) =>
    plot.left + (daysBetween(first, date) / span) * (plot.right - plot.left);
  const y = (value: number) =>
    plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);
  const at = (d: DatedValue): GraphPoint => ({ x: x(d.date), y: y(d.value) });
  const line = (l: GraphInput["aimLine"]): GraphLine | null =>
    l ? { from: at(l.from), to: at(l.to) } : null;

  const xTicks: GraphTick[] = [];
  for (let i = 0; i < X_TICKS; i++) {
    const offset = Math.round((span * i) / (X_TICKS - 1));
    const date = addDays(first, offset);
    xTicks.push({ at: x(date), label: formatShortDate(date) });
  }
  const yTicks: GraphTick[] = [];
  for (let i = 0; i < Y_TICKS; i++) {
    const value = low + ((high - low) * i) / (Y_TICKS - 1);
    yTicks.push({ at: y(value), label: formatNumber(value, high - low >= 10 ? 0 : 1) });
  }
  return {
    width,
    height,
    plot,
    xTicks,
    yTicks,
    points: [...input.scores].sort((a, b) => byDate(a.date, b.date)).map(at),
    aimLine: line(input.aimLine),
    trendLine: line(input.trendLine),
  };
}
