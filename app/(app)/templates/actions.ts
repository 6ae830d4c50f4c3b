"use server";

import { ValidationError } from "@/lib/domain/errors";
import { createTemplateSchema, updateTemplateSchema } from "@/lib/domain/templates/schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { createTemplate, updateTemplate } from "@/lib/use-cases/templates/templates";

/** "New template" on /templates, as `POST /templates`: an admin's is the district's, a specialist's their own. */
export const createTemplateAction = serverAction(createTemplateSchema, async (ctx, input) => {
  const template = await createTemplate(ctx, input);
  return { id: template.id, name: template.name, scope: template.scope };
});

/**
 * "Save changes" on a template of /templates, as `PUT /templates/{id}` with the version read: a
 * stale one is refused (409), and only the owner or an admin may change it (the use-case decides).
 */
export const updateTemplateAction = serverAction(
  updateTemplateSchema,
  async (ctx, input, templateId) => {
    if (input.version === undefined) {
      throw new ValidationError([
        { path: "version", message: "Reload the page: the version read is missing." },
      ]);
    }
    const template = await updateTemplate(ctx, templateId, input, input.version);
    return { id: template.id, name: template.name, version: template.version };
  },
  actionArgument.id,
);
