import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";

/**
 * A request for a special-education evaluation (34 CFR 300.301(b)). A parent may ask at any time
 * and nothing in the intervention process blocks it: no tier, open group or pending decision is
 * a reason to refuse the record. Staff write down a request made by phone or in person.
 */
export const recordEvaluationRequestSchema = z.object({
  /** The day the parent asked (default: today in the district). */
  requestedOn: localDateSchema.optional(),
  /** Who asked, for a request written down by staff (default: the parent's or user's name). */
  requesterName: z
    .string()
    .trim()
    .min(2, "Say who asked.")
    .max(200, "200 characters at most.")
    .optional(),
  /** Staff only: who made the request, the family or the school. Parents are always `guardian`. */
  requesterKind: z.enum(["guardian", "staff"]).optional(),
  note: z.string().trim().max(2000, "2000 characters at most.").optional(),
});

export type RecordEvaluationRequestInput = z.output<typeof recordEvaluationRequestSchema>;

/** The school's answer to a request (consent sought, or a written refusal with its reasons). */
export const respondToEvaluationRequestSchema = z.object({
  response: z
    .string({ message: "Write the school's answer." })
    .trim()
    .min(10, "Write the school's answer (10 characters at least).")
    .max(2000, "2000 characters at most."),
});

export type RespondToEvaluationRequestInput = z.output<typeof respondToEvaluationRequestSchema>;

/** The disclosure purpose written when a referral packet is generated (docs/domain.md). */
export const REFERRAL_PACKET_PURPOSE = "special education referral";

/** `GET …/referral-packet`: to whom the packet goes, for the disclosure log (default: the evaluation team). */
export const referralPacketQuerySchema = z.object({
  disclosedTo: z
    .string()
    .trim()
    .min(3, "Say who receives the packet, e.g. the evaluation team of the school.")
    .max(300, "300 characters at most.")
    .optional(),
});
