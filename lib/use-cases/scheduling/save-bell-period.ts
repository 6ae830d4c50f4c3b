import { appendAudit } from "@/db/queries/audit";
import {
  bellPeriodById,
  bellPeriodsOf,
  insertBellPeriod,
  updateBellPeriod,
} from "@/db/queries/scheduling/bell-schedule";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { BellPeriodInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireSchool } from "./time-facts-access";

/** Adds a bell period to a school, or edits one (`id`). A label is unique per day type. */
export async function saveBellPeriod(ctx: UseCaseContext, input: BellPeriodInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const school = await requireSchool(tx, tenantId, input.schoolId);
    const before = input.id ? await bellPeriodById(tx, tenantId, input.id) : null;
    if (input.id && (!before || before.schoolId !== school.id))
      throw new NotFoundError("Bell period", "No bell period with this id at this school.");
    if (input.dayType !== "" && !school.dayRotation.includes(input.dayType)) {
      throw new ValidationError([
        {
          path: "dayType",
          message:
            school.dayRotation.length === 0
              ? "This school has no rotation days: leave the day empty (every day)."
              : `Choose one of the school's rotation days (${school.dayRotation.join(", ")}) or leave it empty.`,
        },
      ]);
    }
    const taken = (await bellPeriodsOf(tx, tenantId, [school.id])).find(
      (p) =>
        p.id !== input.id &&
        p.dayType === input.dayType &&
        p.label.toLowerCase() === input.label.toLowerCase(),
    );
    if (taken)
      throw new ValidationError([
        { path: "label", message: `Period ${taken.label} already exists for this day.` },
      ]);
    const values = {
      dayType: input.dayType,
      label: input.label,
      startTime: input.startTime,
      endTime: input.endTime,
    };
    let id: string;
    if (before) {
      await updateBellPeriod(tx, tenantId, before.id, values);
      id = before.id;
    } else id = (await insertBellPeriod(tx, tenantId, { schoolId: school.id, ...values })).id;
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: before ? "bell_period.updated" : "bell_period.created",
        entityType: "bell_period",
        entityId: id,
        before,
        after: { schoolId: school.id, ...values },
      },
    ]);
    return { id, schoolId: school.id, ...values };
  });
}
