import { assessmentById, upsertResults } from "@/db/queries/assessments";
import { appendAudit } from "@/db/queries/audit";
import { existingStudentIds } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import type { AssessmentResultInput } from "@/lib/domain/reports/assessment-catalogue";
import { schoolYearOf } from "@/lib/domain/reports/school-year";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";
import { evaluateExitsInTransaction } from "../exits/evaluate-exits";

/**
 * Manual entry of one screening score (the small form beside the CSV import). A second score
 * for the same student, assessment and window of a school year replaces the first.
 */
export async function recordAssessmentResult(ctx: UseCaseContext, input: AssessmentResultInput) {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const assessment = await assessmentById(tx, tenantId, input.assessmentId);
    if (!assessment) {
      throw new NotFoundError("Assessment", "The assessment was not found.", [
        { path: "assessmentId", message: "No such assessment in your district." },
      ]);
    }
    if (!(await existingStudentIds(tx, tenantId, [input.studentId])).has(input.studentId)) {
      throw new NotFoundError("Student", "The student was not found.", [
        { path: "studentId", message: "No such student in your district." },
      ]);
    }
    if (input.score < assessment.scaleMin || input.score > assessment.scaleMax) {
      throw new UnprocessableError("The score is outside the assessment's scale.", [
        {
          path: "score",
          message: `${assessment.name} scores run from ${assessment.scaleMin} to ${assessment.scaleMax}.`,
        },
      ]);
    }
    const values = {
      assessmentId: assessment.id,
      studentId: input.studentId,
      schoolYear: schoolYearOf(input.administeredOn),
      window: input.window,
      administeredOn: input.administeredOn,
      score: input.score,
      percentile: input.percentile,
    };
    const [written] = await upsertResults(tx, tenantId, [values]);
    // A benchmark may complete the student's exit criteria in a group: evaluated now.
    const exits = await evaluateExitsInTransaction(tx, tenantId, ctx.now(), {
      studentIds: [input.studentId],
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      ...exits.audit,
      ...(written
        ? [
            {
              action: written.inserted
                ? "assessment-result.recorded"
                : "assessment-result.replaced",
              entityType: "assessment_result",
              entityId: written.id,
              studentId: input.studentId,
              after: values,
            },
          ]
        : []),
    ]);
    return {
      ...values,
      status: written ? (written.inserted ? "created" : "updated") : "unchanged",
    };
  });
}
