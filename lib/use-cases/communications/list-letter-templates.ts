import { templatesOfKind } from "@/db/queries/communications/templates";
import { districtOf } from "@/db/queries/districts";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { type LetterSettings, letterSettingsOf } from "@/lib/domain/letters/enrollment-letter";
import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  LETTER_LANGUAGES,
  type LetterKind,
  type LetterLanguage,
} from "@/lib/domain/letters/templates";
import { canEditLetters } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

export interface LetterTemplateDto {
  kind: LetterKind;
  language: LetterLanguage;
  subject: string;
  body: string;
  /** 0 = the built-in wording; the district has not edited it. */
  version: number;
  updatedAt: string | null;
}

/** The district's letters of every kind in each language (built-in where not edited) and its letter settings. */
export async function listLetterTemplates(
  ctx: UseCaseContext,
): Promise<{ districtName: string; settings: LetterSettings; templates: LetterTemplateDto[] }> {
  if (!canEditLetters(ctx.actor)) throw new ForbiddenError("Only district admins edit letters.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const district = await districtOf(tx, ctx.actor.tenantId);
    const own = new Map(
      (await Promise.all(LETTER_KINDS.map((kind) => templatesOfKind(tx, ctx.actor.tenantId, kind))))
        .flat()
        .map((t) => [`${t.kind}:${t.language}`, t]),
    );
    return {
      districtName: district.name,
      settings: letterSettingsOf(district.settings),
      templates: LETTER_KINDS.flatMap((kind) =>
        LETTER_LANGUAGES.map((language) => {
          const row = own.get(`${kind}:${language}`);
          return {
            kind,
            language,
            subject: row?.subject ?? DEFAULT_TEMPLATES[kind][language].subject,
            body: row?.body ?? DEFAULT_TEMPLATES[kind][language].body,
            version: row?.version ?? 0,
            updatedAt: row?.updatedAt.toISOString() ?? null,
          };
        }),
      ),
    };
  });
}
