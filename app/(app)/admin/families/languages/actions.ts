"use server";

import { revalidatePath } from "next/cache";
import { letterTemplateInputSchema } from "@/lib/domain/letters/schemas";
import { serverAction } from "@/lib/server/action";
import { saveLetterTemplate } from "@/lib/use-cases/communications/save-letter-template";

/** The same save as the letter templates page's, audited `letter-template.saved`. */
export const saveWordingAction = serverAction(letterTemplateInputSchema, async (ctx, input) => {
  const saved = await saveLetterTemplate(ctx, input);
  revalidatePath("/admin/families/languages");
  return saved;
});
