"use server";

import { revalidatePath } from "next/cache";
import { letterSettingsInputSchema, letterTemplateInputSchema } from "@/lib/domain/letters/schemas";
import { serverAction } from "@/lib/server/action";
import { saveLetterSettings } from "@/lib/use-cases/communications/save-letter-settings";
import { saveLetterTemplate } from "@/lib/use-cases/communications/save-letter-template";

export const saveTemplateAction = serverAction(letterTemplateInputSchema, async (ctx, input) => {
  const saved = await saveLetterTemplate(ctx, input);
  revalidatePath("/admin/templates");
  return saved;
});

export const saveSettingsAction = serverAction(letterSettingsInputSchema, async (ctx, input) => {
  const saved = await saveLetterSettings(ctx, input);
  revalidatePath("/admin/templates");
  return saved;
});
