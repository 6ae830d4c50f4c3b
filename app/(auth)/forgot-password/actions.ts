"use server";

import { headers } from "next/headers";
import { z } from "@/lib/domain/zod";
import { clientAddress } from "@/lib/server/client-address";
import { formFields } from "@/lib/server/form-fields";
import { publicContext } from "@/lib/server/public-context";
import { askForPasswordLink } from "@/lib/use-cases/users/ask-for-password-link";

export type ForgotPasswordState = {
  sent: boolean;
  invalidEmail: boolean;
  email: string;
  /** Too many requests for this address (or from this client): minutes to wait. */
  waitMinutes?: number;
};

const emailSchema = z.email().max(254);

/**
 * Public: no session. The same answer whether or not the address has an account, a pause
 * included (every request for an address counts, known or not).
 */
export async function requestPasswordLinkAction(
  _previous: ForgotPasswordState,
  form: FormData,
): Promise<ForgotPasswordState> {
  const raw = (formFields(form).email ?? "").trim();
  const email = emailSchema.safeParse(raw);
  if (!email.success) return { sent: false, invalidEmail: true, email: raw };
  const client = clientAddress(await headers());
  const waitMinutes = await askForPasswordLink(publicContext(), { email: email.data, client });
  if (waitMinutes > 0) return { sent: false, invalidEmail: false, email: email.data, waitMinutes };
  return { sent: true, invalidEmail: false, email: email.data };
}
