import { z } from "../zod";
import { FAMILY_REQUEST_KINDS } from "./kinds";

/** The longest request or answer kept: a page of text, enough for any question or correction. */
export const FAMILY_REQUEST_MAX_LENGTH = 2000;
/** Fewer characters than this say nothing the team could act on ("?", "help"). */
export const FAMILY_REQUEST_MIN_LENGTH = 10;

/**
 * What a guardian asks from the portal (issue 13, point 3): a question for the child's team, or
 * to amend a record they believe is inaccurate or misleading (FERPA, 34 CFR 99.20). An
 * evaluation is asked for through its own record (lib/domain/decisions/evaluation-requests.ts).
 */
export const recordFamilyRequestSchema = z.object({
  kind: z.enum(FAMILY_REQUEST_KINDS),
  body: z
    .string({ message: "Write your question or request." })
    .trim()
    .min(
      FAMILY_REQUEST_MIN_LENGTH,
      `Write your question or request (${FAMILY_REQUEST_MIN_LENGTH} characters at least).`,
    )
    .max(FAMILY_REQUEST_MAX_LENGTH, `${FAMILY_REQUEST_MAX_LENGTH} characters at most.`),
});

export type RecordFamilyRequestInput = z.output<typeof recordFamilyRequestSchema>;

/** The team's answer, which the family reads in the portal; an amendment's says what was decided. */
export const answerFamilyRequestSchema = z.object({
  answer: z
    .string({ message: "Write the answer." })
    .trim()
    .min(
      FAMILY_REQUEST_MIN_LENGTH,
      `Write the answer (${FAMILY_REQUEST_MIN_LENGTH} characters at least).`,
    )
    .max(FAMILY_REQUEST_MAX_LENGTH, `${FAMILY_REQUEST_MAX_LENGTH} characters at most.`),
});

export type AnswerFamilyRequestInput = z.output<typeof answerFamilyRequestSchema>;
