import { z } from "../zod";

/** How long a password link works: a school week and a weekend. */
export const PASSWORD_LINK_DAYS = 7;

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
