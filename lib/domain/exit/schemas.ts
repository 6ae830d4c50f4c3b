import { EXIT_REVIEW_STATUSES, FOLLOW_UP_STATUSES } from "../decisions/kinds";
import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";
import { MANUAL_EXIT_REASONS } from "./reasons";

const reason = z
  .string({ message: "Give the reason for the team and the record." })
  .trim()
  .min(3, "Give the reason for the team and the record (3 characters at least).")
  .max(2000, "2000 characters at most.");

/** `GET /exit-reviews?status=`: one status, or every open one when absent. */
export const exitReviewQuerySchema = z.object({
  status: z.enum(EXIT_REVIEW_STATUSES).optional(),
});
export type ExitReviewQuery = z.output<typeof exitReviewQuerySchema>;

/** The facilitator's recommendation, with an optional note for the specialist. */
export const recommendExitSchema = z.object({
  note: z.string().trim().max(2000, "2000 characters at most.").optional(),
});
export type RecommendExitInput = z.output<typeof recommendExitSchema>;

/** A specialist's decline (approve takes no body, or an optional reason). */
export const declineExitSchema = z.object({ reason });
export type DeclineExitInput = z.output<typeof declineExitSchema>;

export const approveExitSchema = z.object({ reason: reason.optional() });

/** Ending an enrollment for another reason than met criteria: moved away, opt-out, duration. */
export const endEnrollmentSchema = z.object({
  reason: z.enum(MANUAL_EXIT_REASONS),
  date: localDateSchema,
});
export type EndEnrollmentInput = z.output<typeof endEnrollmentSchema>;

/** The facilitator's weekly follow-up: holding or slipping, with an optional probe score. */
export const recordFollowUpSchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES.filter((s) => s !== "due") as ["holding", "slipping"]),
  probeScore: z.coerce
    .number({ message: "Enter the probe score as a number." })
    .refine(Number.isFinite, "Enter the probe score as a number.")
    .nullish(),
  note: z.string().trim().max(2000, "2000 characters at most.").optional(),
});
export type RecordFollowUpInput = z.output<typeof recordFollowUpSchema>;
