"use server";

import { z } from "@/lib/domain/zod";
import { publicContext } from "@/lib/server/public-context";
import { requestPasswordLink } from "@/lib/use-cases/users/request-password-link";

export type ForgotPasswordState = { sent: boolean; invalidEmail: boolean; email: string };

const emailSchema = z.email().max(254);

/** Public: no session. The same answer whether or not the address has an account. */
export async function requestPasswordLinkAction(
  _previous: ForgotPasswordState,
  form: FormData,
): Promise<ForgotPasswordState> {
  const raw = String(form.get("email") ?? "").trim();
  const email = emailSchema.safeParse(raw);
  if (!email.success) return { sent: false, invalidEmail: true, email: raw };
  await requestPasswordLink(publicContext(), email.data);
  return { sent: true, invalidEmail: false, email: email.data };
}
