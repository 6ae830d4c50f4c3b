import type { Database } from "@/db/client";
import { allDistrictIds, districtOf } from "@/db/queries/districts";
import { groupsById } from "@/db/queries/effectiveness-inputs";
import { summaryStatesOf } from "@/db/queries/effectiveness-summaries";
import { withTenant } from "@/db/with-tenant";
import { addDays, todayIn } from "@/lib/domain/calendar/dates";
import { isSummaryCurrent } from "@/lib/domain/effectiveness";
import { computeStaleSummaries } from "./effectiveness-summary";

/**
 * How long after a group ends its summary is still kept current: a school year back, the groups
 * whose dashboards and records people still open. Older ones are computed when someone reads one.
 */
export const SUMMARIES_KEPT_FOR_DAYS = 365;

/** Groups computed in one transaction: the district's summary lock is never held for long. */
const GROUPS_PER_TRANSACTION = 250;

/**
 * The `refresh-effectiveness-summaries` job's pass (docs/decisions/0021-effectiveness-summaries.md):
 * in every district, the summaries of the groups running or ended within SUMMARIES_KEPT_FOR_DAYS
 * that are missing or no longer current (a write, a new day, a session begun) are computed and
 * stored ahead of their readers, so that one group's dashboard and the district table answer
 * from them. Readers still compute what is stale when they come first. The district table takes
 * the same district lock, so it and a pass never compute a group twice; one group's page locks
 * only that group and may compute it beside a pass (both store the same figures). Returns how
 * many groups the pass found stale; a reader may have brought some up to date before it got there.
 */
export async function refreshEffectivenessSummaries(db: Database, now: Date): Promise<number> {
  let stale = 0;
  for (const tenantId of await allDistrictIds(db)) {
    stale += await refreshDistrict(db, tenantId, now);
  }
  return stale;
}

async function refreshDistrict(db: Database, tenantId: string, now: Date): Promise<number> {
  const { stale, today, districtSettings } = await withTenant(db, { tenantId }, async (tx) => {
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, now);
    const states = await summaryStatesOf(tx, tenantId, addDays(today, -SUMMARIES_KEPT_FOR_DAYS));
    const clock = { districtVersion: states.districtVersion, today, now };
    const stale = states.rows.flatMap(({ interventionId, inputVersion, ...state }) =>
      inputVersion !== null && isSummaryCurrent({ inputVersion, ...state }, clock)
        ? []
        : [interventionId],
    );
    return { stale, today, districtSettings: district.settings };
  });
  for (let from = 0; from < stale.length; from += GROUPS_PER_TRANSACTION) {
    const ids = stale.slice(from, from + GROUPS_PER_TRANSACTION);
    await withTenant(db, { tenantId }, (tx) =>
      computeStaleSummaries(
        tx,
        tenantId,
        ids,
        "district",
        (some) => groupsById(tx, tenantId, some),
        {
          today,
          now,
          districtSettings,
        },
      ),
    );
  }
  return stale.length;
}
