"use server";

import { enrollStudentsSchema } from "@/lib/domain/interventions/schemas";
import { saveAsTemplateSchema } from "@/lib/domain/templates/schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { enrollStudents } from "@/lib/use-cases/interventions/enroll-students";
import { saveInterventionAsTemplate } from "@/lib/use-cases/interventions/save-as-template";

/** "Save as template" on the group page (Scenario 10): a specialist's is personal, an admin's the district's. */
export const saveAsTemplateAction = serverAction(
  saveAsTemplateSchema,
  async (ctx, input, interventionId) => {
    const template = await saveInterventionAsTemplate(ctx, interventionId, input);
    return { id: template.id, name: template.name, scope: template.scope };
  },
  actionArgument.id,
);

/**
 * "Enroll more students" on the group page (issue 10), as `POST /interventions/{id}/enroll`:
 * a student whose day collides with the group's sessions is a 409 with the conflicts in `details`.
 */
export const enrollStudentsAction = serverAction(
  enrollStudentsSchema,
  async (ctx, input, interventionId) => {
    const result = await enrollStudents(ctx, interventionId, input);
    return { enrolledStudentIds: result.enrolledStudentIds, enrolledCount: result.enrolledCount };
  },
  actionArgument.id,
);
