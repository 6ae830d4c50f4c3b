"use server";

import { saveAsTemplateSchema } from "@/lib/domain/templates/schemas";
import { serverAction } from "@/lib/server/action";
import { saveInterventionAsTemplate } from "@/lib/use-cases/interventions/save-as-template";

/** "Save as template" on the group page (Scenario 10): a specialist's is personal, an admin's the district's. */
export const saveAsTemplateAction = serverAction(
  saveAsTemplateSchema,
  async (ctx, input, interventionId: string) => {
    const template = await saveInterventionAsTemplate(ctx, interventionId, input);
    return { id: template.id, name: template.name, scope: template.scope };
  },
);
