"use server";

import { choosePasswordSchema } from "@/lib/domain/users/password-rules";
import { formFields } from "@/lib/server/form-fields";
import { publicContext } from "@/lib/server/public-context";
import { setPasswordFromLink } from "@/lib/use-cases/users/set-password-from-link";

export type SetPasswordState =
  | { state: "form"; wrong: { password: boolean; confirm: boolean } }
  | { state: "done"; email: string }
  | { state: "invalid" | "expired" | "used" };

/**
 * Public by design: the person has no session yet. The signed, single-use link is the only
 * credential; the use-case verifies it before anything is read or written. Which fields are
 * wrong comes back, and the form says why in the page's language.
 */
export async function setPasswordAction(
  _previous: SetPasswordState,
  form: FormData,
): Promise<SetPasswordState> {
  const parsed = choosePasswordSchema.safeParse(formFields(form));
  if (!parsed.success) {
    const paths = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    if (paths.has("token")) return { state: "invalid" };
    return {
      state: "form",
      wrong: { password: paths.has("password"), confirm: paths.has("confirm") },
    };
  }
  return setPasswordFromLink(publicContext(), parsed.data.token, parsed.data.password);
}
