import { z } from "../zod";

/**
 * How long a new account's first link works: a school week and a weekend, since the person may
 * not read the mail at once.
 */
export const NEW_ACCOUNT_LINK_DAYS = 7;

/**
 * How long a "forgot your password?" link works: the person asked for it a moment ago, and a
 * link left in a mailbox for days is an account anyone who reads that mailbox can take over.
 */
export const RESET_LINK_MINUTES = 60;

/** Seconds a password link works, by why it was sent (lib/use-cases/users/queue-password-link.ts). */
export function passwordLinkLifetimeSeconds(why: "new-account" | "reset"): number {
  return why === "new-account" ? NEW_ACCOUNT_LINK_DAYS * 86_400 : RESET_LINK_MINUTES * 60;
}

/** The shortest password accepted; length matters more than mixing kinds of character. */
export const MIN_PASSWORD_LENGTH = 12;

/** The password page's form: the link's token, the new password, and the same again. */
export const choosePasswordSchema = z
  .object({
    token: z.string().min(10).max(1000),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(200, "200 characters at most."),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, {
    path: ["confirm"],
    message: "The two passwords are not the same.",
  });
