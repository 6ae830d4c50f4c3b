import type { Database } from "@/db/client";
import { allDistrictIds, districtOf } from "@/db/queries/districts";
import {
  activeEnrollmentsOfGroup,
  appendSystemAudit,
  groupsToComplete,
  markCompleted,
} from "@/db/queries/exits/endings";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { endEnrollmentsInTransaction } from "./end-in-transaction";
import { queueClosingSummaryLetters } from "./queue-exit-letters";

/** The daily job's request id in the audit trail. */
export const COMPLETE_GROUPS_REQUEST = "job:complete-ended-groups";

/**
 * Issue 11, point 5, for one district in one transaction: a group whose last day is past
 * becomes `completed`; the remaining enrollments of a completed (or cancelled) group end with
 * the reason `completed` on the group's last day (today when it was closed early),
 * `StudentExitedInterventionEvent` each, and each family gets the closing summary letter.
 */
export async function completeEndedGroupsOf(
  db: Database,
  tenantId: string,
  now: Date,
  /** Only these groups (a test's own); every group of the district when absent. */
  onlyIds?: readonly string[],
) {
  return withTenant(db, { tenantId }, async (tx) => {
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, now);
    const groups = await groupsToComplete(tx, tenantId, today, onlyIds);
    let ended = 0;
    let letters = 0;
    const audit = [];
    for (const group of groups) {
      if (group.status === "active" || group.status === "planned") {
        await markCompleted(tx, tenantId, group.id);
        audit.push({
          action: "intervention.completed",
          entityType: "intervention",
          entityId: group.id,
          before: { status: group.status },
          after: { status: "completed", endDate: group.endDate },
        });
      }
      const remaining = await activeEnrollmentsOfGroup(tx, tenantId, group.id);
      const exitDate = [group.endDate, today].sort()[0] ?? today;
      const result = await endEnrollmentsInTransaction(
        tx,
        tenantId,
        now,
        remaining.map((e) => e.id),
        exitDate,
        "completed",
      );
      ended += result.ended.length;
      letters += await queueClosingSummaryLetters(
        tx,
        tenantId,
        group.id,
        result.ended,
        exitDate,
        group.goalValue,
      );
      audit.push(...result.audit);
    }
    await appendSystemAudit(tx, tenantId, COMPLETE_GROUPS_REQUEST, now, audit);
    return { groups: groups.length, ended, letters };
  });
}

/** Every district, each in its own transaction (the `complete-ended-groups` job). */
export async function completeEndedGroupsEverywhere(db: Database, now: Date) {
  const totals = { groups: 0, ended: 0, letters: 0 };
  for (const tenantId of await allDistrictIds(db)) {
    const result = await completeEndedGroupsOf(db, tenantId, now);
    totals.groups += result.groups;
    totals.ended += result.ended;
    totals.letters += result.letters;
  }
  return totals;
}
