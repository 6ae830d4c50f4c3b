import type { Role } from "../policy/actor";
import { z } from "../zod";

/**
 * The pay scales the budget prices staff time at (docs/domain.md, "Budget impact"). They are
 * not the app's roles: a role says what someone may do, a cost role what an hour of their time
 * costs the district.
 */
export const COST_ROLES = ["specialist", "teacher", "paraprofessional", "administrator"] as const;
export type CostRole = (typeof COST_ROLES)[number];

export const COST_ROLE_LABELS: Record<CostRole, string> = {
  specialist: "Specialist or interventionist",
  teacher: "Teacher",
  paraprofessional: "Paraprofessional",
  administrator: "Administrator",
};

/** Loaded hourly cost (salary, benefits, payroll taxes) in cents per hour, by cost role. */
export type HourlyStaffCosts = Record<CostRole, number>;

/** Used when the district has set nothing (or something unreadable) for a cost role. */
export const DEFAULT_HOURLY_STAFF_COSTS: HourlyStaffCosts = {
  specialist: 6500,
  teacher: 5500,
  paraprofessional: 3000,
  administrator: 8000,
};

/** The district setting's key in `districts.settings`. */
export const HOURLY_STAFF_COST_SETTING = "hourlyStaffCost";

/** $0 to $1,000 an hour, in whole cents. */
const MAX_HOURLY_COST_CENTS = 100_000;
const centsSchema = z.number().int().min(0).max(MAX_HOURLY_COST_CENTS);

/** What an admin sends: every cost role's loaded hourly cost, in cents. */
export const hourlyStaffCostsSchema = z.object({
  specialist: centsSchema,
  teacher: centsSchema,
  paraprofessional: centsSchema,
  administrator: centsSchema,
});

/**
 * The district's hourly costs from `districts.settings.hourlyStaffCost`; each cost role falls
 * back to its default on its own when missing or malformed.
 */
export function hourlyStaffCostsFrom(districtSettings: unknown): HourlyStaffCosts {
  const raw =
    districtSettings && typeof districtSettings === "object"
      ? (districtSettings as Record<string, unknown>)[HOURLY_STAFF_COST_SETTING]
      : undefined;
  const fields = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const costs = { ...DEFAULT_HOURLY_STAFF_COSTS };
  for (const role of COST_ROLES) {
    const parsed = centsSchema.safeParse(fields[role]);
    if (parsed.success) costs[role] = parsed.data;
  }
  return costs;
}

const TITLE_RULES: readonly [RegExp, CostRole][] = [
  [/\b(para(professional|educator)?|aide|assistant|tutor)\b/i, "paraprofessional"],
  [
    /\b(specialist|interventionist|coach|psychologist|pathologist|counselor|therapist)\b/i,
    "specialist",
  ],
  [/\b(principal|director|administrator|coordinator|superintendent)\b/i, "administrator"],
  [/\bteacher\b/i, "teacher"],
];

const ROLE_FALLBACK: Partial<Record<Role, CostRole>> = {
  specialist: "specialist",
  admin: "administrator",
  teacher: "teacher",
  facilitator: "teacher",
};

/**
 * How a facilitator's time is priced. The staff record's job title (from the roster) says
 * what the person is paid as, so it decides first: "…aide", "paraprofessional", "assistant",
 * "tutor" → paraprofessional; "…specialist", "interventionist", "coach", "psychologist",
 * "pathologist", "counselor", "therapist" → specialist; "principal", "director",
 * "administrator", "coordinator" → administrator; "…teacher" → teacher. A title that says none
 * of these falls back on the person's sign-in role (specialist → specialist, admin →
 * administrator, teacher and facilitator → teacher), and someone with neither is priced as a
 * teacher.
 */
export function costRoleOf(person: { title: string | null; userRole: Role | null }): CostRole {
  const title = person.title ?? "";
  for (const [pattern, role] of TITLE_RULES) if (pattern.test(title)) return role;
  return (person.userRole && ROLE_FALLBACK[person.userRole]) || "teacher";
}
