import { districtOf } from "@/db/queries/districts";
import { activeInterventionsOf, studentNames } from "@/db/queries/sessions/attendance-history";
import { withTenant } from "@/db/with-tenant";
import type { FlaggedStudent } from "@/lib/domain/attendance";
import { isStaff } from "@/lib/domain/policy";
import { followUpSettingsFrom } from "@/lib/domain/sessions/follow-up-settings";
import type { UseCaseContext } from "../context";
import { flagsOf } from "./flags-of";

export type FollowUp = FlaggedStudent & { interventionId: string; interventionName: string };

/**
 * The dashboard's follow-up list: students flagged by their absences in the active groups the
 * actor created or facilitates, most pressing (an open streak, then most absences) first.
 */
export async function listFollowUps(ctx: UseCaseContext): Promise<{
  followUps: FollowUp[];
  settings: { consecutiveAbsences: number; totalAbsences: number };
}> {
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const settings = followUpSettingsFrom((await districtOf(tx, tenantId)).settings);
    if (!isStaff(ctx.actor)) return { followUps: [], settings };
    const groups = await activeInterventionsOf(tx, tenantId, ctx.actor);
    const flags = await flagsOf(tx, tenantId, settings, {
      interventionIds: groups.map((g) => g.id),
    });
    const names = await studentNames(
      tx,
      tenantId,
      [...flags.values()].flat().map((f) => f.studentId),
    );
    const followUps = groups.flatMap((group) =>
      (flags.get(group.id) ?? []).map((flag) => ({
        interventionId: group.id,
        interventionName: group.name,
        studentId: flag.studentId,
        ...names.get(flag.studentId)!,
        reasons: flag.reasons,
        totalAbsences: flag.totalAbsences,
        currentAbsenceStreak: flag.currentAbsenceStreak,
      })),
    );
    followUps.sort(
      (a, b) =>
        b.currentAbsenceStreak - a.currentAbsenceStreak ||
        b.totalAbsences - a.totalAbsences ||
        a.lastName.localeCompare(b.lastName),
    );
    return { followUps, settings };
  });
}
