import { TOKEN_ROLES } from "../policy";
import { z } from "../zod";

export const TOKEN_ROLE_LABELS: Record<(typeof TOKEN_ROLES)[number], string> = {
  admin: "District admin (everything, including the events feed)",
  specialist: "Intervention specialist (plan and manage interventions)",
};

export const TOKEN_DEFAULT_DAYS = 90;

/** A district admin creates a bearer token for a service or script. */
export const createApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after what will use it.")
    .max(100, "100 characters at most."),
  role: z.enum(TOKEN_ROLES, { message: "Choose what the token may do." }),
  /** No token lives for ever (decision 0013): a year at most, 90 days unless chosen. */
  expiresInDays: z.coerce
    .number({ message: "Give the number of days, 1 to 365." })
    .int("Give a whole number of days, 1 to 365.")
    .min(1, "A token lives 1 to 365 days.")
    .max(365, "A token lives 1 to 365 days.")
    .default(TOKEN_DEFAULT_DAYS),
});

export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid() });
