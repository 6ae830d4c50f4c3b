import { districtOf } from "@/db/queries/districts";
import { activeGroups } from "@/db/queries/effectiveness-inputs";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import {
  type ChanceBand,
  chanceBand,
  type NextDecision,
  nextDecisionDue,
} from "@/lib/domain/effectiveness";
import { ForbiddenError } from "@/lib/domain/errors";
import { isManager } from "@/lib/domain/policy";
import { MINIMUM_SCORES_FOR_PROBABILITY } from "@/lib/domain/progress";
import type { UseCaseContext } from "../context";
import { groupsEffectiveness } from "./groups-effectiveness";

export interface CaseloadRow {
  studentId: string;
  firstName: string;
  lastName: string;
  grade: number;
  group: { id: string; name: string; tier: number; focusArea: string };
  /** Rounded to 2 decimals; null without a measure and goal or before 4 scores. */
  chance: number | null;
  band: ChanceBand;
  /** Why there is no chance yet, in words; null when there is one. */
  chanceNote: string | null;
  nextDecision: NextDecision;
}

/**
 * Issue 12, item 2: a specialist's students across the active groups they created or
 * facilitate, each with the chance of reaching the group's goal (the dashboard's figure,
 * through groupsEffectiveness) and the group's next decision due (lib/domain/effectiveness/
 * next-decision.ts). Students now enrolled only: one row per student and group.
 */
export async function caseload(ctx: UseCaseContext) {
  // The roles that plan groups; a facilitator's groups are on their dashboard and session pages.
  if (!isManager(ctx.actor)) {
    throw new ForbiddenError("The caseload is for intervention specialists and district admins.");
  }
  const { tenantId, userId, staffId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const [district, groups] = await Promise.all([
      districtOf(tx, tenantId),
      activeGroups(tx, tenantId, { userId, staffId }),
    ]);
    const today = todayIn(district.timeZone, ctx.now());
    const figures = await groupsEffectiveness(tx, ctx.actor, groups, today, ctx.now());
    const rows: CaseloadRow[] = groups.flatMap((group) => {
      const f = figures.get(group.id)!;
      const analysis = new Map(f.students.map((s) => [s.studentId, s]));
      const nextDecision = nextDecisionDue(group.startDate, group.endDate, today);
      return f.roster
        .filter((r) => r.isActive)
        .map((r) => {
          const student = analysis.get(r.studentId);
          const chance = student?.probabilityOfReachingGoal ?? null;
          let chanceNote: string | null = null;
          if (f.effectiveness === null) chanceNote = "The group has no measure and goal yet.";
          else if (chance === null) {
            chanceNote = `${student?.scoreCount ?? 0} of ${MINIMUM_SCORES_FOR_PROBABILITY} scores needed.`;
          }
          return {
            studentId: r.studentId,
            firstName: r.firstName,
            lastName: r.lastName,
            grade: r.grade,
            group: { id: group.id, name: group.name, tier: group.tier, focusArea: group.focusArea },
            chance,
            band: chanceBand(chance),
            chanceNote,
            nextDecision,
          };
        });
    });
    rows.sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.group.name.localeCompare(b.group.name),
    );
    return { today, rows };
  });
}
