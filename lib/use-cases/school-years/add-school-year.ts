import { isTakenAlready } from "@/db/errors";
import { appendAudit } from "@/db/queries/audit";
import { insertSchoolYear, schoolYearsOf } from "@/db/queries/school-years";
import { withTenant } from "@/db/with-tenant";
import { labelOfYearStarting, type NewSchoolYear } from "@/lib/domain/calendar/school-years";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import { canManageSchoolYears } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { type SchoolYearDto, schoolYearDto } from "./list-school-years";

/**
 * A district admin enters a school year's first and last days of instruction. It is named by
 * the August it starts in; a year that shares a day with another, or a name already taken, is
 * refused (409). From then on the summer before it is out of school for every series planned.
 */
export async function addSchoolYear(
  ctx: UseCaseContext,
  input: NewSchoolYear,
): Promise<SchoolYearDto> {
  if (!canManageSchoolYears(ctx.actor)) {
    throw new ForbiddenError("Only district admins manage school years.");
  }
  const { tenantId } = ctx.actor;
  const label = labelOfYearStarting(input.firstDay);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const years = await schoolYearsOf(tx, tenantId);
    const named = years.find((year) => year.label === label);
    if (named) {
      throw new ConflictError(`The school year ${label} is already entered.`);
    }
    const overlapping = years.find(
      (year) => year.firstDay <= input.lastDay && input.firstDay <= year.lastDay,
    );
    if (overlapping) {
      throw new ConflictError(
        `These days overlap ${overlapping.label} (${overlapping.firstDay} to ${overlapping.lastDay}).`,
      );
    }
    // Two admins saving at once: the index and the exclusion constraint let one year in.
    const year = await insertSchoolYear(tx, tenantId, { label, ...input }).catch((error) => {
      if (isTakenAlready(error)) {
        throw new ConflictError(`A school year sharing these days was entered just now.`);
      }
      throw error;
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "school_year.added",
        entityType: "school_year",
        entityId: year.id,
        before: null,
        after: { label, firstDay: input.firstDay, lastDay: input.lastDay },
      },
    ]);
    return schoolYearDto(year);
  });
}
