"use server";

import { fieldErrorsFromZod } from "@/lib/domain/errors/from-zod";
import { choosePasswordSchema } from "@/lib/domain/users/password-rules";
import { publicContext } from "@/lib/server/public-context";
import { setPasswordFromLink } from "@/lib/use-cases/users/set-password-from-link";

export type SetPasswordState =
  | { state: "form"; errors: Record<string, string> }
  | { state: "done"; email: string }
  | { state: "invalid" | "expired" | "used" };

/**
 * Public by design: the person has no session yet. The signed, single-use link is the only
 * credential; the use-case verifies it before anything is read or written.
 */
export async function setPasswordAction(
  _previous: SetPasswordState,
  form: FormData,
): Promise<SetPasswordState> {
  const parsed = choosePasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return {
      state: "form",
      errors: Object.fromEntries(fieldErrorsFromZod(parsed.error).map((e) => [e.path, e.message])),
    };
  return setPasswordFromLink(publicContext(), parsed.data.token, parsed.data.password);
}
