import type { CostModel } from "./kinds";
import { formatCents } from "./money";
import { SCHOOL_YEAR_HOURS, SCHOOL_YEAR_WEEKS } from "./school-time";
import { COST_ROLE_LABELS, type CostRole, type HourlyStaffCosts } from "./staff-cost";

/**
 * Budget impact of one intervention by the ingredients method (docs/domain.md, "Budget
 * impact"): every ingredient the group consumes, priced, over its whole planned run.
 */

export const BUDGET_INGREDIENTS = ["staff", "licence", "consumable", "equipment", "free"] as const;
export type BudgetIngredient = (typeof BUDGET_INGREDIENTS)[number];

interface BudgetSession {
  minutes: number;
  /** Everyone the session holds: the group's facilitators and the session's own facilitator. */
  staffIds: readonly string[];
}

interface BudgetStaff {
  id: string;
  name: string;
  costRole: CostRole;
}

interface BudgetResource {
  id: string;
  name: string;
  costModel: CostModel;
  /** Units the group holds in each session (intervention_resources.quantity). */
  quantity: number;
  purchaseCents: number | null;
  usefulLifeYears: number | null;
  licenceCentsPerStudentYear: number | null;
  perUseCents: number | null;
}

export interface BudgetInput {
  /** Students actively enrolled. */
  students: number;
  /** The group's planned duration. */
  weeks: number;
  /** Sessions not cancelled (held and still to come). */
  sessions: readonly BudgetSession[];
  staff: readonly BudgetStaff[];
  resources: readonly BudgetResource[];
  hourlyCosts: HourlyStaffCosts;
}

interface BudgetLine {
  ingredient: BudgetIngredient;
  /** The person's or the resource's name. */
  name: string;
  /** Whole cents, rounded once (half up). */
  cents: number;
  /** How the figure was reached, in words. */
  detail: string;
}

export interface Budget {
  totalCents: number;
  /** `null` with no student enrolled. */
  perStudentCents: number | null;
  /** `null` with no session left uncancelled. */
  perSessionCents: number | null;
  students: number;
  sessions: number;
  staffHours: number;
  lines: BudgetLine[];
}

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const plural = (n: number, word: string) => `${plain.format(n)} ${word}${n === 1 ? "" : "s"}`;

/** Cents are non-negative here, so Math.round is "half up". */
const toCents = (exact: number) => Math.round(exact);

function staffLines(input: BudgetInput): BudgetLine[] {
  return input.staff.map((person) => {
    const minutes = input.sessions
      .filter((s) => s.staffIds.includes(person.id))
      .reduce((sum, s) => sum + s.minutes, 0);
    const hours = minutes / 60;
    const rate = input.hourlyCosts[person.costRole];
    return {
      ingredient: "staff",
      name: person.name,
      cents: toCents(hours * rate),
      detail: `${plural(hours, "hour")} × ${formatCents(rate)}/hour (${COST_ROLE_LABELS[person.costRole].toLowerCase()})`,
    };
  });
}

/** Share of a school year the group runs: its weeks out of 36, at most the whole year. */
export function yearShare(weeks: number): number {
  return Math.min(1, Math.max(0, weeks) / SCHOOL_YEAR_WEEKS);
}

function resourceLine(input: BudgetInput, resource: BudgetResource): BudgetLine {
  const sessions = input.sessions.length;
  const base = { name: resource.name };
  switch (resource.costModel) {
    case "licence": {
      const price = resource.licenceCentsPerStudentYear ?? 0;
      const share = yearShare(input.weeks);
      return {
        ...base,
        ingredient: "licence",
        cents: toCents(price * input.students * share),
        detail: `${plural(input.students, "student")} × ${formatCents(price)} per student-year × ${plain.format(Math.min(input.weeks, SCHOOL_YEAR_WEEKS))}/${SCHOOL_YEAR_WEEKS} of the school year`,
      };
    }
    case "consumable": {
      const price = resource.perUseCents ?? 0;
      return {
        ...base,
        ingredient: "consumable",
        cents: toCents(price * resource.quantity * sessions),
        detail: `${plural(sessions, "session")} × ${plural(resource.quantity, "use")} × ${formatCents(price)} per use`,
      };
    }
    case "purchase": {
      const price = resource.purchaseCents ?? 0;
      const life = resource.usefulLifeYears ?? 1;
      const hoursPerUnit = input.sessions.reduce((sum, s) => sum + s.minutes, 0) / 60;
      const share = Math.min(1, hoursPerUnit / SCHOOL_YEAR_HOURS);
      return {
        ...base,
        ingredient: "equipment",
        cents: toCents((price / life) * resource.quantity * share),
        detail: `${plural(resource.quantity, "unit")} × ${formatCents(price)} ÷ ${plural(life, "year")} of useful life × ${plain.format(hoursPerUnit)} of ${plain.format(SCHOOL_YEAR_HOURS)} school hours a year`,
      };
    }
    case "none":
      return { ...base, ingredient: "free", cents: 0, detail: "No cost recorded." };
  }
}

/**
 * The ingredients method: staff hours × the district's loaded hourly cost of each facilitator's
 * cost role; licences × students × the share of the school year the group runs; consumables ×
 * uses (sessions × units per session); equipment and other purchases amortised over their
 * useful life, × units × the share of a unit's school-year hours the sessions take. Each line
 * is rounded to whole cents once; the total is the sum of the lines; per student and per
 * session divide the total and round again.
 */
export function interventionBudget(input: BudgetInput): Budget {
  const lines = [
    ...staffLines(input),
    ...input.resources.map((resource) => resourceLine(input, resource)),
  ];
  const totalCents = lines.reduce((sum, line) => sum + line.cents, 0);
  const sessions = input.sessions.length;
  const staffMinutes = input.sessions.reduce(
    (sum, s) => sum + s.minutes * input.staff.filter((p) => s.staffIds.includes(p.id)).length,
    0,
  );
  return {
    totalCents,
    perStudentCents: input.students > 0 ? toCents(totalCents / input.students) : null,
    perSessionCents: sessions > 0 ? toCents(totalCents / sessions) : null,
    students: input.students,
    sessions,
    staffHours: Math.round((staffMinutes / 60) * 100) / 100,
    lines,
  };
}
