import { insertAssessment, updateAssessment } from "@/db/queries/assessments";
import { appendAudit } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { type AssessmentInput, storedCutScores } from "@/lib/domain/reports/assessment-catalogue";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";
import { type AssessmentDto, toAssessmentDto } from "./list-assessments";

/** Adds an assessment to the catalogue (id null) or changes one, with its cut scores. */
export async function saveAssessment(
  ctx: UseCaseContext,
  id: string | null,
  input: AssessmentInput,
): Promise<AssessmentDto> {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  const values = {
    name: input.name,
    subject: input.subject,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
    cutScores: storedCutScores(input),
  };
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const row = id
      ? await updateAssessment(tx, tenantId, id, values)
      : await insertAssessment(tx, { tenantId, ...values });
    if (!row) throw new NotFoundError("Assessment");
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: id ? "assessment.updated" : "assessment.created",
        entityType: "assessment",
        entityId: row.id,
        after: values,
      },
    ]);
    return toAssessmentDto(row);
  });
}
