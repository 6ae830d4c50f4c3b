import { appendAudit } from "@/db/queries/audit";
import { deleteReportingPeriod, reportingPeriodsOf } from "@/db/queries/families/reporting-periods";
import { withTenant } from "@/db/with-tenant";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canManageSchoolYears } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** A period goes while nothing was written for it; once summaries exist it is part of the record. */
export async function removeReportingPeriod(ctx: UseCaseContext, id: string) {
  if (!canManageSchoolYears(ctx.actor)) {
    throw new ForbiddenError("Only district admins keep the reporting calendar.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const period = (await reportingPeriodsOf(tx, tenantId)).find((p) => p.id === id);
    if (!period) throw new NotFoundError("Reporting period");
    if (period.summaries > 0) {
      throw new ConflictError(
        `${period.name} has ${period.summaries} progress summaries written; it stays on the calendar.`,
      );
    }
    await deleteReportingPeriod(tx, tenantId, id);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "reporting_period.removed",
        entityType: "reporting_period",
        entityId: id,
        before: { name: period.name, endsOn: period.endsOn },
      },
    ]);
    return { id };
  });
}
