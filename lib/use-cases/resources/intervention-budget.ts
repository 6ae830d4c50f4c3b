import type { Tx } from "@/db/client";
import { type BudgetBasis, type BudgetRows, budgetRowsOf } from "@/db/queries/budget-inputs";
import { districtOf } from "@/db/queries/districts";
import { groupBy } from "@/lib/domain/group-by";
import type { InterventionAccess, Role } from "@/lib/domain/policy";
import { canReadBudget } from "@/lib/domain/policy/resources";
import { type Budget, interventionBudget } from "@/lib/domain/scheduling/budget";
import { costRoleOf, hourlyStaffCostsFrom } from "@/lib/domain/scheduling/staff-cost";
import type { UseCaseContext } from "../context";

export interface BudgetedGroup {
  id: string;
  durationWeeks: number;
  /** The students the budget counts (licences, per student). */
  students: number;
}

/**
 * The budget of each group by the ingredients method (lib/domain/scheduling/budget.ts →
 * interventionBudget), with the district's hourly costs (`districts.settings`), from rows
 * read once for all the groups (db/queries/budget-inputs.ts → budgetRowsOf: four statements
 * whatever their number); the one pure rule runs per group. Rows read with basis "plan" price
 * every session not cancelled (the group page's budget); "held" only the sessions held so far
 * (the cost to date of the effectiveness figures). The caller has authorized the actor.
 */
export function budgetsFromRows(
  rows: BudgetRows,
  groups: readonly BudgetedGroup[],
  districtSettings: unknown,
): Map<string, Budget> {
  const personById = new Map(
    rows.people.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.displayName,
        costRole: costRoleOf({ title: p.title, userRole: p.userRole as Role | null }),
      },
    ]),
  );
  const order = new Map(rows.people.map((p, i) => [p.id, i]));
  const hourlyCosts = hourlyStaffCostsFrom(districtSettings);
  const sessionsOf = groupBy(rows.sessionCounts, (s) => s.interventionId);
  const facilitatorsOf = groupBy(rows.facilitators, (f) => f.interventionId);
  const needsOf = groupBy(rows.needs, (n) => n.interventionId);

  const budgets = new Map<string, Budget>();
  for (const group of groups) {
    const facilitatorIds = (facilitatorsOf.get(group.id) ?? []).map((f) => f.staffId);
    const sessions = (sessionsOf.get(group.id) ?? []).flatMap((row) => {
      const staffIds =
        row.facilitatorId && !facilitatorIds.includes(row.facilitatorId)
          ? [...facilitatorIds, row.facilitatorId]
          : facilitatorIds;
      return Array.from({ length: row.sessions }, () => ({ minutes: row.minutes, staffIds }));
    });
    // Everyone the sessions hold, and every facilitator (at $0 with no session priced).
    const staff = [...new Set([...facilitatorIds, ...sessions.flatMap((s) => s.staffIds)])]
      .filter((id) => personById.has(id))
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((id) => personById.get(id)!);
    budgets.set(
      group.id,
      interventionBudget({
        students: group.students,
        weeks: group.durationWeeks,
        sessions,
        staff,
        resources: needsOf.get(group.id) ?? [],
        hourlyCosts,
      }),
    );
  }
  return budgets;
}

/** budgetsFromRows over rows read now. */
export async function budgetsOf(
  tx: Tx,
  tenantId: string,
  groups: readonly BudgetedGroup[],
  basis: BudgetBasis,
  districtSettings: unknown,
): Promise<Map<string, Budget>> {
  const rows = await budgetRowsOf(
    tx,
    tenantId,
    groups.map((g) => g.id),
    basis,
  );
  return budgetsFromRows(rows, groups, districtSettings);
}

/**
 * A group's budget impact by the ingredients method (lib/domain/scheduling/budget.ts), inside
 * the caller's transaction. Only those who manage the group see it (it carries the district's
 * pay rates); everyone else gets `null`.
 */
export async function budgetInTransaction(
  tx: Tx,
  ctx: UseCaseContext,
  group: { id: string; durationWeeks: number; enrolledCount: number },
  access: InterventionAccess,
): Promise<Budget | null> {
  if (!canReadBudget(access)) return null;
  const { tenantId } = ctx.actor;
  const district = await districtOf(tx, tenantId);
  const budgets = await budgetsOf(
    tx,
    tenantId,
    [{ id: group.id, durationWeeks: group.durationWeeks, students: group.enrolledCount }],
    "plan",
    district.settings,
  );
  return budgets.get(group.id)!;
}
