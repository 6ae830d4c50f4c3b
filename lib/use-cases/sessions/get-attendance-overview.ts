import { districtOf } from "@/db/queries/districts";
import {
  interventionAttendanceCounts,
  studentNames,
} from "@/db/queries/sessions/attendance-history";
import { withTenant } from "@/db/with-tenant";
import { attendanceRateFromCounts } from "@/lib/domain/attendance";
import { mayRunSessions } from "@/lib/domain/policy";
import { followUpSettingsFrom } from "@/lib/domain/sessions/follow-up-settings";
import { loadInterventionAccess } from "../access";
import type { UseCaseContext } from "../context";
import { deliveryOf } from "./delivery-of";
import { flagsOf } from "./flags-of";

/**
 * The intervention page's attendance card: the group's rate over the sessions held, fidelity
 * to date, and (for the team) who is flagged for follow-up. Null for a family, whose view of
 * the group is their own child.
 */
export async function getAttendanceOverview(ctx: UseCaseContext, interventionId: string) {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const { intervention, access } = await loadInterventionAccess(tx, ctx, interventionId);
    if (access === "family") return null;
    const [counts, deliveries, district] = await Promise.all([
      interventionAttendanceCounts(tx, tenantId, interventionId),
      deliveryOf(tx, tenantId, [intervention], ctx.now()),
      districtOf(tx, tenantId),
    ]);
    const flags = mayRunSessions(access)
      ? ((
          await flagsOf(tx, tenantId, followUpSettingsFrom(district.settings), {
            interventionIds: [interventionId],
          })
        ).get(interventionId) ?? [])
      : [];
    const names = await studentNames(
      tx,
      tenantId,
      flags.map((f) => f.studentId),
    );
    return {
      counts,
      attendanceRate: attendanceRateFromCounts(counts),
      ...deliveries.get(interventionId)!,
      flags: flags.map((flag) => ({ ...flag, ...names.get(flag.studentId)! })),
    };
  });
}
