import { templatesOfKind } from "@/db/queries/communications/templates";
import { districtOf } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { type LetterSettings, letterSettingsOf } from "@/lib/domain/letters/enrollment-letter";
import {
  DEFAULT_TEMPLATES,
  LETTER_LANGUAGES,
  type LetterLanguage,
} from "@/lib/domain/letters/templates";
import { canEditLetters } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

export interface LetterTemplateDto {
  kind: "enrollment";
  language: LetterLanguage;
  subject: string;
  body: string;
  /** 0 = the built-in wording; the district has not edited it. */
  version: number;
  updatedAt: string | null;
}

/** The district's enrollment letters in each language (built-in where not edited) and its letter settings. */
export async function listLetterTemplates(
  ctx: UseCaseContext,
): Promise<{ districtName: string; settings: LetterSettings; templates: LetterTemplateDto[] }> {
  if (!canEditLetters(ctx.actor)) throw new ForbiddenError("Only district admins edit letters.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const district = await districtOf(tx, ctx.actor.tenantId);
    const own = new Map(
      (await templatesOfKind(tx, ctx.actor.tenantId, "enrollment")).map((t) => [t.language, t]),
    );
    return {
      districtName: district.name,
      settings: letterSettingsOf(district.settings),
      templates: LETTER_LANGUAGES.map((language) => {
        const row = own.get(language);
        return {
          kind: "enrollment" as const,
          language,
          subject: row?.subject ?? DEFAULT_TEMPLATES.enrollment[language].subject,
          body: row?.body ?? DEFAULT_TEMPLATES.enrollment[language].body,
          version: row?.version ?? 0,
          updatedAt: row?.updatedAt.toISOString() ?? null,
        };
      }),
    };
  });
}
