import type { Tx } from "@/db/client";
import { districtOf } from "@/db/queries/districts";
import { costedSessionsOf, costedStaffOf, resourceNeedsOf } from "@/db/queries/resources";
import type { InterventionAccess, Role } from "@/lib/domain/policy";
import { canReadBudget } from "@/lib/domain/policy/resources";
import { type Budget, interventionBudget } from "@/lib/domain/scheduling/budget";
import { costRoleOf, hourlyStaffCostsFrom } from "@/lib/domain/scheduling/staff-cost";
import type { UseCaseContext } from "../context";

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
  const [district, sessions, needs] = await Promise.all([
    districtOf(tx, tenantId),
    costedSessionsOf(tx, tenantId, group.id),
    resourceNeedsOf(tx, tenantId, group.id),
  ]);
  const sessionStaffIds = [
    ...new Set(sessions.flatMap((s) => (s.facilitatorId ? [s.facilitatorId] : []))),
  ];
  const people = await costedStaffOf(tx, tenantId, group.id, sessionStaffIds);
  const facilitatorIds = people.filter((p) => p.isFacilitator).map((p) => p.id);
  return interventionBudget({
    students: group.enrolledCount,
    weeks: group.durationWeeks,
    sessions: sessions.map((s) => ({
      minutes: s.minutes,
      staffIds:
        s.facilitatorId && !facilitatorIds.includes(s.facilitatorId)
          ? [...facilitatorIds, s.facilitatorId]
          : facilitatorIds,
    })),
    staff: people.map((p) => ({
      id: p.id,
      name: p.displayName,
      costRole: costRoleOf({ title: p.title, userRole: p.userRole as Role | null }),
    })),
    resources: needs,
    hourlyCosts: hourlyStaffCostsFrom(district.settings),
  });
}
