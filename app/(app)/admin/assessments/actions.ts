"use server";

import { revalidatePath } from "next/cache";
import {
  assessmentInputSchema,
  assessmentResultInputSchema,
} from "@/lib/domain/reports/assessment-catalogue";
import { actionArgument, serverAction } from "@/lib/server/action";
import { recordAssessmentResult } from "@/lib/use-cases/assessments/record-assessment-result";
import { saveAssessment } from "@/lib/use-cases/assessments/save-assessment";

/** Adds an assessment (id null) or changes one; the id is checked against the district by the use-case. */
export const saveAssessmentAction = serverAction(
  assessmentInputSchema,
  async (ctx, input, id) => {
    const saved = await saveAssessment(ctx, id, input);
    revalidatePath("/admin/assessments");
    return saved;
  },
  actionArgument.idOrNew,
);

export const recordResultAction = serverAction(assessmentResultInputSchema, async (ctx, input) => {
  const recorded = await recordAssessmentResult(ctx, input);
  return { status: recorded.status, schoolYear: recorded.schoolYear };
});
