import { absencesOf, staffForTimeFacts, workingHoursOf } from "@/db/queries/scheduling/staff-time";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { canEditTimeFacts } from "@/lib/domain/policy/time-facts";
import type { UseCaseContext } from "../context";
import { assertReadsTimeFacts } from "./time-facts-access";

/**
 * /admin/staff: each active staff member's weekly working hours, absences from today on, and
 * caseload cap.
 */
export async function getStaffTime(ctx: UseCaseContext) {
  assertReadsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  const today = todayIn(ctx.actor.timeZone, ctx.now());
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const people = await staffForTimeFacts(tx, tenantId);
    const hours = await workingHoursOf(tx, tenantId);
    const absences = await absencesOf(tx, tenantId, { from: today });
    return {
      canEdit: canEditTimeFacts(ctx.actor),
      today,
      staff: people.map((person) => ({
        ...person,
        workingHours: hours
          .filter((h) => h.staffId === person.id)
          .map(({ weekday, startTime, endTime }) => ({ weekday, startTime, endTime })),
        absences: absences.filter((a) => a.staffId === person.id),
      })),
    };
  });
}

type StaffTime = Awaited<ReturnType<typeof getStaffTime>>;
export type StaffTimePerson = StaffTime["staff"][number];
