import { recordRead } from "@/db/queries/audit";
import { districtOf } from "@/db/queries/districts";
import { reportingPeriodsOf } from "@/db/queries/families/reporting-periods";
import { holdOf, summariesOfStudent } from "@/db/queries/families/summaries";
import { reachableGuardians } from "@/db/queries/guardian-links";
import { studentConnection } from "@/db/queries/progress/readable";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { summaryLetter } from "@/lib/domain/families/progress-summary";
import { periodStart, upcomingPeriod } from "@/lib/domain/families/reporting-periods";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import { canManageIntervention } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { summaryContentFor } from "./summary-content";

/**
 * A specialist's look at a child's coming progress summary (issue 13, point 1): the period that
 * has not ended yet, each guardian's letter as it would go out with today's data, whether it is
 * held, and the summaries already written. Specialists and admins; another district's child 404.
 */
export async function previewProgressSummary(ctx: UseCaseContext, studentId: string) {
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError(
      "Only intervention specialists and district admins preview summaries.",
    );
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    if (!(await studentConnection(tx, ctx.actor, studentId))) throw new NotFoundError("Student");
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, ctx.now());
    const periods = await reportingPeriodsOf(tx, tenantId);
    const period = upcomingPeriod(periods, today);
    const written = await summariesOfStudent(tx, tenantId, studentId);
    await recordRead(tx, ctx.actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "summary-preview" },
    });
    if (!period) return { period: null, hold: null, letters: [], written };
    const span = { name: period.name, from: periodStart(periods, period), to: period.endsOn };
    const letters = [];
    for (const guardian of await reachableGuardians(tx, tenantId, [studentId])) {
      const guardianName = `${guardian.guardianFirstName} ${guardian.guardianLastName}`;
      const content = await summaryContentFor(tx, {
        tenantId,
        districtName: district.name,
        timeZone: district.timeZone,
        studentId,
        recipient: {
          guardianId: guardian.guardianId,
          guardianName,
          language: letterLanguageFor(guardian.language),
        },
        period: span,
        today,
        now: ctx.now(),
      });
      if (content)
        letters.push({ guardianName, language: content.language, ...summaryLetter(content) });
    }
    const hold = await holdOf(tx, tenantId, period.id, studentId);
    return {
      period: { id: period.id, ...span },
      hold: hold ? { reason: hold.reason, since: hold.createdAt.toISOString() } : null,
      letters,
      written,
    };
  });
}

export type SummaryPreview = Awaited<ReturnType<typeof previewProgressSummary>>;
