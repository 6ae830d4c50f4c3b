"use server";

import { z } from "@/lib/domain/zod";
import { publicContext } from "@/lib/server/public-context";
import { requestPasswordLink } from "@/lib/use-cases/users/request-password-link";

export type ForgotPasswordState = { sent: boolean; error: string | null; email: string };

const emailSchema = z.email("Enter the e-mail address you sign in with.").max(254);

/** Public: no session. The same answer whether or not the address has an account. */
export async function requestPasswordLinkAction(
  _previous: ForgotPasswordState,
  form: FormData,
): Promise<ForgotPasswordState> {
  const raw = String(form.get("email") ?? "").trim();
  const email = emailSchema.safeParse(raw);
  if (!email.success)
    return { sent: false, error: email.error.issues[0]?.message ?? null, email: raw };
  await requestPasswordLink(publicContext(), email.data);
  return { sent: true, error: null, email: email.data };
}
