import { districtOf } from "@/db/queries/districts";
import { bellPeriodsOf, schoolRotations } from "@/db/queries/scheduling/bell-schedule";
import { protectedBlocksOf, roomsWithCapacity } from "@/db/queries/scheduling/school-blocks";
import { withTenant } from "@/db/with-tenant";
import { canEditTimeFacts } from "@/lib/domain/policy/time-facts";
import { scheduleOverrideAllowed } from "@/lib/domain/scheduling/override";
import type { UseCaseContext } from "../context";
import { assertReadsTimeFacts } from "./time-facts-access";

/** /admin/schedule: each school's rotation, bell periods, protected blocks and rooms. */
export async function getScheduleSettings(ctx: UseCaseContext) {
  assertReadsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const schools = await schoolRotations(tx, tenantId);
    const periods = await bellPeriodsOf(tx, tenantId);
    const blocks = await protectedBlocksOf(tx, tenantId);
    const rooms = await roomsWithCapacity(tx, tenantId);
    return {
      canEdit: canEditTimeFacts(ctx.actor),
      overrideAllowed: scheduleOverrideAllowed((await districtOf(tx, tenantId)).settings),
      schools: schools.map((school) => ({
        ...school,
        bellPeriods: periods.filter((p) => p.schoolId === school.id),
        protectedBlocks: blocks.filter((b) => b.schoolId === school.id),
        rooms: rooms.filter((r) => r.schoolId === school.id),
      })),
    };
  });
}

type ScheduleSettings = Awaited<ReturnType<typeof getScheduleSettings>>;
export type ScheduleSettingsSchool = ScheduleSettings["schools"][number];
