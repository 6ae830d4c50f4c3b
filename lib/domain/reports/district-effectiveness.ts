import type { Fidelity } from "../attendance";
import { toCsv } from "../csv-export";
import type { Effectiveness, StudentsProgressing } from "../effectiveness";
import { formatNumber, type MeasureDirection, roundRate, roundTo } from "../progress";
import { z } from "../zod";

/**
 * The district view (issue 12, item 1; app/(app)/reports/district/page.tsx): every active group
 * of the district in one row, from the same rounded figures as each group's dashboard
 * (lib/domain/effectiveness), with the reason wherever a figure cannot be given.
 */

export const DISTRICT_SORTS = [
  "name",
  "school",
  "tier",
  "focusArea",
  "facilitators",
  "fidelity",
  "progressing",
  "projected",
  "costPerStudent",
  "costPerPoint",
] as const;
export type DistrictSort = (typeof DISTRICT_SORTS)[number];

export const districtQuerySchema = z.object({
  schoolId: z.uuid().optional(),
  focusArea: z.string().trim().min(1).max(100).optional(),
  facilitatorId: z.uuid().optional(),
  sort: z.enum(DISTRICT_SORTS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type DistrictQuery = z.output<typeof districtQuerySchema>;

/** `GET /api/v1/reports/district-effectiveness`: the page's query, and `format=csv` for the export. */
export const districtApiQuerySchema = districtQuerySchema.extend({
  format: z.enum(["json", "csv"]).default("json"),
});

export interface DistrictGroup {
  readonly id: string;
  readonly name: string;
  readonly tier: number;
  readonly focusArea: string;
  readonly schoolId: string | null;
  readonly schoolName: string | null;
  readonly facilitators: readonly { id: string; name: string }[];
  readonly measureName: string | null;
  readonly direction: MeasureDirection;
  readonly goal: number | null;
}

/** What the use-case computed for one group (lib/use-cases/progress/groups-effectiveness.ts). */
interface DistrictGroupFigures {
  /** Rounded for display; null while the group has no measure and goal. */
  readonly effectiveness: Effectiveness | null;
  /** Delivery to date, known with or without a goal. */
  readonly fidelity: Fidelity;
  /** Full precision (lib/domain/effectiveness/investment.ts → staffHours). */
  readonly staffHours: number;
  /** Everyone ever enrolled, as the dashboard counts them. */
  readonly studentCount: number;
  readonly studentsWithScores: number;
}

/** The figures that may be "—", each with the reason the page shows in its title. */
export type DistrictFigure =
  | "fidelity"
  | "progressing"
  | "projected"
  | "costPerStudent"
  | "costPerPoint";

export interface DistrictRow extends DistrictGroup {
  readonly studentCount: number;
  readonly fidelity: number | null;
  readonly progressing: StudentsProgressing | null;
  readonly projectedEndAverage: number | null;
  readonly costPerStudent: number | null;
  readonly costPerPoint: number | null;
  /** No hourly staff cost is recorded yet (docs/domain.md, `cost`): staff hours stand in. */
  readonly costUnit: "dollars" | "staff hours";
  readonly why: Partial<Record<DistrictFigure, string>>;
}

const HOUR_DECIMALS = 1;
const NO_GOAL = "No measure and goal set: effectiveness is measured against them.";

function notEnoughScores(withScores: number, total: number): string {
  return `Not enough data yet: ${withScores} of ${total} student${total === 1 ? " has" : "s have"} a score.`;
}

/** The lower of the two delivery rates, as computeEffectiveness takes fidelity. */
function lowerRate(fidelity: Fidelity): number | null {
  const rates = [fidelity.sessionRate, fidelity.minutesRate].filter((r): r is number => r !== null);
  return rates.length === 0 ? null : Math.min(...rates);
}

export function districtRow(group: DistrictGroup, figures: DistrictGroupFigures): DistrictRow {
  const { effectiveness: e, studentCount, studentsWithScores } = figures;
  const why: Partial<Record<DistrictFigure, string>> = {};
  const fidelity = e === null ? roundRate(lowerRate(figures.fidelity)) : e.fidelity;
  if (fidelity === null) why.fidelity = "No session was scheduled to date yet.";

  const money = e?.cost ?? null;
  const costUnit = money === null ? "staff hours" : "dollars";
  let costPerStudent: number | null;
  if (money !== null) costPerStudent = money.perStudent;
  else
    costPerStudent =
      studentCount === 0 ? null : roundTo(figures.staffHours / studentCount, HOUR_DECIMALS);
  if (costPerStudent === null) why.costPerStudent = "No student enrolled.";

  if (e === null) {
    why.progressing = NO_GOAL;
    why.projected = NO_GOAL;
    why.costPerPoint = NO_GOAL;
    return {
      ...group,
      studentCount,
      fidelity,
      progressing: null,
      projectedEndAverage: null,
      costPerStudent,
      costPerPoint: null,
      costUnit,
      why,
    };
  }
  const scarce = notEnoughScores(studentsWithScores, studentCount);
  const progressing = studentsWithScores === 0 ? null : e.studentsProgressing;
  if (progressing === null) why.progressing = studentCount === 0 ? "No student enrolled." : scarce;
  if (e.projectedEndAverage === null) why.projected = scarce;
  const costPerPoint = money === null ? e.costPerPoint : money.perPoint;
  if (costPerPoint === null) {
    why.costPerPoint = e.change === null ? scarce : "No gain yet, so no cost per point.";
  }
  return {
    ...group,
    studentCount,
    fidelity,
    progressing,
    projectedEndAverage: e.projectedEndAverage,
    costPerStudent,
    costPerPoint,
    costUnit,
    why,
  };
}

/** The narrowings of the query, applied to the groups before their figures are loaded. */
export function filterDistrictGroups<G extends DistrictGroup>(
  groups: readonly G[],
  query: Pick<DistrictQuery, "schoolId" | "focusArea" | "facilitatorId">,
): G[] {
  return groups.filter(
    (g) =>
      (query.schoolId === undefined || g.schoolId === query.schoolId) &&
      (query.focusArea === undefined || g.focusArea === query.focusArea) &&
      (query.facilitatorId === undefined ||
        g.facilitators.some((f) => f.id === query.facilitatorId)),
  );
}

/** What the filters offer: the schools, focus areas and facilitators of the active groups. */
export function districtChoices(groups: readonly DistrictGroup[]) {
  const schools = new Map<string, string>();
  const facilitators = new Map<string, string>();
  const focusAreas = new Set<string>();
  for (const g of groups) {
    if (g.schoolId !== null) schools.set(g.schoolId, g.schoolName ?? g.schoolId);
    for (const f of g.facilitators) facilitators.set(f.id, f.name);
    focusAreas.add(g.focusArea);
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    schools: [...schools].map(([id, label]) => ({ id, label })).sort(byLabel),
    focusAreas: [...focusAreas].sort((a, b) => a.localeCompare(b)),
    facilitators: [...facilitators].map(([id, label]) => ({ id, label })).sort(byLabel),
  };
}

/** How far the projection is ahead of the goal, in the measure's good direction. */
export function projectedMargin(
  row: Pick<DistrictRow, "projectedEndAverage" | "goal" | "direction">,
) {
  if (row.projectedEndAverage === null || row.goal === null) return null;
  const margin = row.projectedEndAverage - row.goal;
  return row.direction === "higher" ? margin : -margin;
}

const facilitatorNames = (row: DistrictRow) => row.facilitators.map((f) => f.name).join(", ");

const KEY: Record<DistrictSort, (row: DistrictRow) => string | number | null> = {
  name: (r) => r.name,
  school: (r) => r.schoolName,
  tier: (r) => r.tier,
  focusArea: (r) => r.focusArea,
  facilitators: (r) => facilitatorNames(r) || null,
  fidelity: (r) => r.fidelity,
  progressing: (r) => r.progressing?.rate ?? null,
  projected: projectedMargin,
  costPerStudent: (r) => r.costPerStudent,
  costPerPoint: (r) => r.costPerPoint,
};

/**
 * Sorted by the column; rows without the figure last in either direction (a "—" is not the
 * smallest value), then by name so equal figures keep a readable order.
 */
export function sortDistrictRows(
  rows: readonly DistrictRow[],
  sort: DistrictSort,
  direction: "asc" | "desc",
): DistrictRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const key = KEY[sort];
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      if (order !== 0) return sign * order;
    }
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}

export const DISTRICT_CSV_HEADER = [
  "Group",
  "School",
  "Tier",
  "Focus area",
  "Facilitators",
  "Students",
  "Measure",
  "Fidelity (%)",
  "Students progressing",
  "Progressing (%)",
  "Projected end average",
  "Goal",
  "Cost per student",
  "Cost per point of gain",
  "Cost unit",
  "Notes",
] as const;

const percentCell = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

/**
 * One line per group, of aggregates only: no student is named or counted alone, so the export
 * is not a disclosure of education records and writes no disclosure row (contrast the
 * compliance export, lib/use-cases/audit/export-student-record.ts). A blank cell is a figure
 * that cannot be given; the Notes column says why.
 */
export function districtCsv(rows: readonly DistrictRow[]): string {
  return toCsv(
    DISTRICT_CSV_HEADER,
    rows.map((r) => [
      r.name,
      r.schoolName,
      r.tier,
      r.focusArea,
      facilitatorNames(r),
      r.studentCount,
      r.measureName,
      percentCell(r.fidelity),
      r.progressing === null ? null : `${r.progressing.count}/${r.progressing.total}`,
      percentCell(r.progressing?.rate ?? null),
      r.projectedEndAverage,
      r.goal,
      r.costPerStudent,
      r.costPerPoint,
      r.costUnit,
      Object.values(r.why)
        .filter((v, i, all) => all.indexOf(v) === i)
        .join(" "),
    ]),
  );
}

/** "8.5 staff hours" or "$120.00": the unit always said, as the dashboard says it. */
export function formatCost(amount: number, unit: DistrictRow["costUnit"]): string {
  if (unit === "dollars") {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);
  }
  return `${formatNumber(amount, 1)} staff h`;
}

/** A file name that says what the export holds and when. */
export function districtFileName(today: string): string {
  return `district-effectiveness-${today}.csv`;
}
