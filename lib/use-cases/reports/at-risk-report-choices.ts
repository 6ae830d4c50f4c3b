import { listAssessments } from "@/db/queries/assessments";
import { schoolsOfDistrict, teacherChoices } from "@/db/queries/reports";
import { withTenant } from "@/db/with-tenant";
import { atRiskQuerySchema } from "@/lib/domain/reports/at-risk";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";

const narrowingSchema = atRiskQuerySchema.pick({ schoolId: true, teacherId: true });

/**
 * What the report page offers to choose from: assessments, schools, and the teachers of the
 * school chosen (with the teacher chosen, if any). A school or teacher that is not a uuid offers
 * no teachers; the report itself refuses it.
 */
export async function atRiskReportChoices(
  ctx: UseCaseContext,
  chosen: { schoolId?: string; teacherId?: string },
) {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  const narrowing = narrowingSchema.safeParse(chosen);
  return withTenant(ctx.db, ctx.actor, async (tx) => ({
    assessments: (await listAssessments(tx, tenantId)).map((a) => ({
      id: a.id,
      name: a.name,
      subject: a.subject,
    })),
    schools: await schoolsOfDistrict(tx, tenantId),
    teachers: narrowing.success
      ? (await teacherChoices(tx, tenantId, narrowing.data)).map((t) => ({
          id: t.id,
          name: t.displayName,
        }))
      : [],
  }));
}
