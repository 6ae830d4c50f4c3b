import { localDateSchema } from "../interventions/schemas";
import { z } from "../zod";

/** HTML forms send "" for a field left empty: that means "no filter", not an invalid value. */
const blankAsMissing = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** The audit viewer's filters (query string of /admin/audit). */
export const auditQuerySchema = z
  .object({
    studentId: blankAsMissing(z.uuid("Pick a student from the list.")),
    userId: blankAsMissing(z.uuid("Pick a person from the list.")),
    action: blankAsMissing(z.string().trim().max(60)),
    from: blankAsMissing(localDateSchema),
    to: blankAsMissing(localDateSchema),
    cursor: blankAsMissing(z.string().max(200)),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date must not be after the end date.",
    path: ["to"],
  });

export type AuditQuery = z.output<typeof auditQuerySchema>;

/**
 * Who receives a student's records and why (FERPA 99.32 asks for both): asked before every
 * compliance export, and kept as a disclosure record.
 */
export const disclosureRequestSchema = z.object({
  disclosedTo: z
    .string()
    .trim()
    .min(3, "Say who receives the records, e.g. the IEP team of the school.")
    .max(300, "300 characters at most."),
  purpose: z
    .string()
    .trim()
    .min(3, "Say why, e.g. annual IEP review.")
    .max(500, "500 characters at most."),
});

export type DisclosureRequest = z.output<typeof disclosureRequestSchema>;
