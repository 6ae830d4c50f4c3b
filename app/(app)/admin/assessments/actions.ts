"use server";

import { revalidatePath } from "next/cache";
import {
  assessmentInputSchema,
  assessmentResultInputSchema,
} from "@/lib/domain/reports/assessment-catalogue";
import { z } from "@/lib/domain/zod";
import { serverAction } from "@/lib/server/action";
import { recordAssessmentResult } from "@/lib/use-cases/assessments/record-assessment-result";
import { saveAssessment } from "@/lib/use-cases/assessments/save-assessment";

const idSchema = z.uuid().nullable();

/** Adds an assessment (id null) or changes one; the id is checked against the district by the use-case. */
export const saveAssessmentAction = serverAction(
  assessmentInputSchema,
  async (ctx, input, id: string | null) => {
    const saved = await saveAssessment(ctx, idSchema.parse(id), input);
    revalidatePath("/admin/assessments");
    return saved;
  },
);

export const recordResultAction = serverAction(assessmentResultInputSchema, async (ctx, input) => {
  const recorded = await recordAssessmentResult(ctx, input);
  return { status: recorded.status, schoolYear: recorded.schoolYear };
});
