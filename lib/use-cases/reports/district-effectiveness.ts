import { listReadTarget, recordRead } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { activeGroups } from "@/db/queries/effectiveness-inputs";
import { withTenant } from "@/db/with-tenant";
import { studentsNamedIn } from "@/lib/domain/audit/students-named";
import { todayIn } from "@/lib/domain/calendar/dates";
import { readsEveryNote } from "@/lib/domain/effectiveness";
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
import { summarizedEffectiveness } from "../progress/effectiveness-summary";

interface DistrictEffectiveness {
  today: string;
  rows: DistrictRow[];
  choices: ReturnType<typeof districtChoices>;
}

/**
 * Issue 12's district view: every active group of the actor's district with its effectiveness
 * figures, narrowed and sorted as asked. For district admins: it spans every school. The figures
 * are the groups' stored summaries; the stale ones are computed again with their inputs loaded
 * set-based (groupsEffectiveness), a handful of queries whatever the number of groups. The
 * reading is logged, with the `format` it leaves in (decision 0007).
 */
export async function districtEffectiveness(
  ctx: UseCaseContext,
  query: DistrictQuery,
  format: "json" | "csv" = "json",
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
    const now = ctx.now();
    const today = todayIn(district.timeZone, now);
    const shown = filterDistrictGroups(groups, query);
    // The stored summaries, computing only the stale ones (an admin reads every note and the
    // cost in money: lib/use-cases/progress/effectiveness-summary.ts).
    const figures = await summarizedEffectiveness(
      tx,
      ctx.actor,
      shown.map((g) => g.id),
      async (ids) => {
        const stale = new Set(ids);
        return shown.filter((g) => stale.has(g.id));
      },
      {
        today,
        now,
        districtSettings: district.settings,
        readsEveryNote: readsEveryNote(ctx.actor, false),
      },
    );
    const rows = shown.map((group) => districtRow(group, figures.get(group.id)!));
    // Aggregates of the groups' students, none named: one read row for the table or its CSV
    // (the CSV is no disclosure: lib/domain/reports/district-effectiveness.ts → districtCsv).
    await recordRead(
      tx,
      ctx.actor,
      ctx.requestId,
      listReadTarget("district-effectiveness", studentsNamedIn(rows), {
        groups: rows.length,
        format,
      }),
    );
    return {
      today,
      rows: sortDistrictRows(rows, query.sort, query.direction),
      choices: districtChoices(groups),
    };
  });
}
