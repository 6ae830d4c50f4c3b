import { z } from "../zod";
import { LETTER_DELIVERY_MODES, OPT_OUT_MODES } from "./enrollment-letter";
import { languageCodeSchema } from "./languages";
import { LETTER_KINDS } from "./templates";

/**
 * An admin's edit of one letter (kind and language); rules beyond shape: templateProblems. Any
 * language code is taken, not only the built-in English and Spanish: a district adds a language
 * by writing its letters (lib/domain/letters/languages.ts → chooseWording).
 */
export const letterTemplateInputSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  language: languageCodeSchema,
  subject: z.string().trim().max(200, "200 characters at most."),
  body: z.string().trim().max(10_000, "10,000 characters at most."),
});

export type LetterTemplateInput = z.output<typeof letterTemplateInputSchema>;

export const letterSettingsInputSchema = z.object({
  optOut: z.enum(OPT_OUT_MODES, { message: "Choose how families may opt out." }),
  delivery: z.enum(LETTER_DELIVERY_MODES, { message: "Choose how letters are e-mailed." }),
});

export type LetterSettingsInput = z.output<typeof letterSettingsInputSchema>;
