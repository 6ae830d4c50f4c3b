import { districtOf } from "@/db/queries/districts";
import { activeGroups } from "@/db/queries/effectiveness-inputs";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import {
  type DistrictQuery,
  type DistrictRow,
  districtChoices,
  districtRow,
  filterDistrictGroups,
  sortDistrictRows,
} from "@/lib/domain/reports/district-effectiveness";
import type { UseCaseContext } from "../context";
import { groupsEffectiveness } from "../progress/groups-effectiveness";

interface DistrictEffectiveness {
  today: string;
  rows: DistrictRow[];
  choices: ReturnType<typeof districtChoices>;
}

/**
 * Issue 12's district view: every active group of the actor's district with its effectiveness
 * figures, narrowed and sorted as asked. For district admins: it spans every school. Inputs are
 * loaded set-based (groupsEffectiveness), a handful of queries whatever the number of groups.
 */
export async function districtEffectiveness(
  ctx: UseCaseContext,
  query: DistrictQuery,
): Promise<DistrictEffectiveness> {
  if (!isDistrictAdmin(ctx.actor)) {
    throw new ForbiddenError("The district view of every group is for district admins.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const [district, groups] = await Promise.all([
      districtOf(tx, tenantId),
      activeGroups(tx, tenantId),
    ]);
    const today = todayIn(district.timeZone, ctx.now());
    const shown = filterDistrictGroups(groups, query);
    const figures = await groupsEffectiveness(tx, ctx.actor, shown, today, ctx.now(), {
      districtSettings: district.settings,
    });
    const rows = shown.map((group) => {
      const f = figures.get(group.id)!;
      return districtRow(group, {
        effectiveness: f.effectiveness,
        fidelity: f.delivery.fidelity,
        staffHours: f.staffHours,
        studentCount: new Set(f.roster.map((r) => r.studentId)).size,
        studentsWithScores: f.studentsWithScores,
      });
    });
    return {
      today,
      rows: sortDistrictRows(rows, query.sort, query.direction),
      choices: districtChoices(groups),
    };
  });
}
