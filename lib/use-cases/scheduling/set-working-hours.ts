import { appendAudit } from "@/db/queries/audit";
import { replaceWorkingHours } from "@/db/queries/scheduling/staff-time";
import { withTenant } from "@/db/with-tenant";
import { WEEKDAYS } from "@/lib/domain/calendar/dates";
import type { WorkingHoursInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireStaff } from "./time-facts-access";

/** A staff member's weekly hours; a day left empty is a day off, an empty week is "not kept". */
export async function setWorkingHours(ctx: UseCaseContext, input: WorkingHoursInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  const days = input.days
    .filter((d) => d.startTime !== "" && d.endTime !== "")
    .sort((a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday))
    .map(({ weekday, startTime, endTime }) => ({ weekday, startTime, endTime }));
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await requireStaff(tx, tenantId, input.staffId);
    const before = await replaceWorkingHours(tx, tenantId, input.staffId, days);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "staff.working_hours_set",
        entityType: "staff",
        entityId: input.staffId,
        before,
        after: days,
      },
    ]);
    return { staffId: input.staffId, days };
  });
}
