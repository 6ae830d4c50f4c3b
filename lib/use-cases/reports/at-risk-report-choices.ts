import { listAssessments } from "@/db/queries/assessments";
import { schoolsOfDistrict, teachersOfDistrict } from "@/db/queries/reports";
import { withTenant } from "@/db/with-tenant";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";

/** What the report page offers to choose from: assessments, schools, teachers. */
export async function atRiskReportChoices(ctx: UseCaseContext) {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => ({
    assessments: (await listAssessments(tx, tenantId)).map((a) => ({
      id: a.id,
      name: a.name,
      subject: a.subject,
    })),
    schools: await schoolsOfDistrict(tx, tenantId),
    teachers: (await teachersOfDistrict(tx, tenantId)).map((t) => ({
      id: t.id,
      name: t.displayName,
    })),
  }));
}
