import { isTakenAlready } from "@/db/errors";
import { appendAudit } from "@/db/queries/audit";
import { insertReportingPeriod } from "@/db/queries/families/reporting-periods";
import { schoolYearsOf } from "@/db/queries/school-years";
import { withTenant } from "@/db/with-tenant";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import type { NewReportingPeriod } from "@/lib/domain/families/reporting-periods";
import { canManageSchoolYears } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A district admin adds a reporting period to a school year: its name and last day, inside the
 * year (422 otherwise); two periods never end on one day (409). Summaries of it go out after it
 * ends (send-progress-summaries.ts).
 */
export async function addReportingPeriod(ctx: UseCaseContext, input: NewReportingPeriod) {
  if (!canManageSchoolYears(ctx.actor)) {
    throw new ForbiddenError("Only district admins keep the reporting calendar.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const year = (await schoolYearsOf(tx, tenantId)).find((y) => y.id === input.schoolYearId);
    if (!year) {
      throw new NotFoundError("School year", "The school year was not found in your district.", [
        { path: "schoolYearId", message: "No such school year in your district." },
      ]);
    }
    if (input.endsOn < year.firstDay || input.endsOn > year.lastDay) {
      throw new UnprocessableError(`A period of ${year.label} ends within it.`, [
        {
          path: "endsOn",
          message: `Choose a day from ${year.firstDay} to ${year.lastDay}.`,
        },
      ]);
    }
    const period = await insertReportingPeriod(tx, { tenantId, ...input }).catch((error) => {
      if (isTakenAlready(error)) {
        throw new ConflictError(`Another reporting period already ends on ${input.endsOn}.`);
      }
      throw error;
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "reporting_period.added",
        entityType: "reporting_period",
        entityId: period.id,
        after: { schoolYear: year.label, name: input.name, endsOn: input.endsOn },
      },
    ]);
    return { id: period.id, name: period.name, endsOn: period.endsOn };
  });
}
