import { districtOf } from "@/db/queries/districts";
import { searchStaff } from "@/db/queries/people";
import { roomsOfDistrict } from "@/db/queries/rooms";
import { withTenant } from "@/db/with-tenant";
import { addDays, todayIn, weekdayOf } from "@/lib/domain/calendar/dates";
import { ForbiddenError } from "@/lib/domain/errors";
import { canCreateIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** What the create form starts from: rooms to pick, sensible defaults, the planner as facilitator. */
export async function prepareNewIntervention(ctx: UseCaseContext) {
  if (!canCreateIntervention(ctx.actor)) throw new ForbiddenError();
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const district = await districtOf(tx, ctx.actor.tenantId);
    const rooms = await roomsOfDistrict(tx, ctx.actor.tenantId);
    const me = ctx.actor.staffId
      ? (await searchStaff(tx, ctx.actor.tenantId, { limit: 200, offset: 0 })).find(
          (s) => s.id === ctx.actor.staffId,
        )
      : undefined;
    return {
      rooms: rooms.map((r) => ({ id: r.id, label: `${r.name} — ${r.schoolName}` })),
      defaultFacilitator: me
        ? { id: me.id, label: me.displayName, detail: me.title ?? undefined }
        : null,
      nextMonday: nextMonday(todayIn(district.timeZone, ctx.now())),
    };
  });
}

/** Groups usually start at the beginning of a week. */
function nextMonday(today: string): string {
  let date = addDays(today, 1);
  while (weekdayOf(date) !== "MO") date = addDays(date, 1);
  return date;
}
