import { districtTemplates } from "@/db/queries/communications/templates";
import { guardianLanguages } from "@/db/queries/guardian-links";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { chooseWording, isBuiltInLanguage, languageName } from "@/lib/domain/letters/languages";
import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  type LetterKind,
  type LetterTemplate,
} from "@/lib/domain/letters/templates";
import { canEditLetters } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** How a family of that language receives one kind of letter. */
export type LetterReach =
  | { kind: LetterKind; written: "own-language"; version: number }
  | { kind: LetterKind; written: "english-with-help-line" | "english-only" };

export interface FamilyLanguage {
  code: string;
  name: string;
  /** Guardians whose letters are in this language (the roster's language). */
  guardians: number;
  letters: LetterReach[];
}

/**
 * The languages the district's families read (from the roster, plus any the district wrote
 * letters in), and for each kind of letter whether they get it in their language (built-in or
 * the district's wording) or in English, with or without the help line: what
 * lib/domain/letters/languages.ts → chooseWording would do for them today. Also the English
 * wording of each kind, for an admin to translate from.
 */
export async function listFamilyLanguages(ctx: UseCaseContext): Promise<{
  languages: FamilyLanguage[];
  english: Record<LetterKind, LetterTemplate>;
  /** The district's wording in languages beyond the built-in ones, to edit further. */
  added: (LetterTemplate & { kind: LetterKind; language: string; version: number })[];
}> {
  if (!canEditLetters(ctx.actor)) throw new ForbiddenError("Only district admins edit letters.");
  const { counts, templates } = await withTenant(ctx.db, ctx.actor, async (tx) => ({
    counts: await guardianLanguages(tx, ctx.actor.tenantId),
    templates: await districtTemplates(tx, ctx.actor.tenantId),
  }));
  const isLetterKind = (kind: string): kind is LetterKind =>
    (LETTER_KINDS as readonly string[]).includes(kind);
  const ownOf = (kind: LetterKind) =>
    new Map(templates.filter((t) => t.kind === kind).map((t) => [t.language, t]));
  const guardiansOf = new Map(counts.map((c) => [c.language, c.guardians]));
  const codes = [...new Set([...guardiansOf.keys(), ...templates.map((t) => t.language)])].sort();
  return {
    languages: codes.map((code) => ({
      code,
      name: languageName(code),
      guardians: guardiansOf.get(code) ?? 0,
      letters: LETTER_KINDS.map((kind): LetterReach => {
        const wording = chooseWording(DEFAULT_TEMPLATES[kind], ownOf(kind), code);
        if (wording.language === code)
          return { kind, written: "own-language", version: wording.version };
        return { kind, written: wording.helpLine ? "english-with-help-line" : "english-only" };
      }),
    })),
    added: templates
      .filter((t) => !isBuiltInLanguage(t.language) && isLetterKind(t.kind))
      .map((t) => ({
        kind: t.kind as LetterKind,
        language: t.language,
        subject: t.subject,
        body: t.body,
        version: t.version,
      })),
    english: Object.fromEntries(
      LETTER_KINDS.map((kind) => {
        const { subject, body } = ownOf(kind).get("en") ?? DEFAULT_TEMPLATES[kind].en;
        return [kind, { subject, body }];
      }),
    ) as Record<LetterKind, LetterTemplate>,
  };
}
