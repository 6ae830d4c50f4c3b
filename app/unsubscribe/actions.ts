"use server";

import { redirect } from "next/navigation";
import { UNSUBSCRIBE_PAGE_PATH } from "@/lib/domain/letters/unsubscribe";
import { z } from "@/lib/domain/zod";
import { formFields } from "@/lib/server/form-fields";
import { publicContext } from "@/lib/server/public-context";
import { stopOptionalMail } from "@/lib/use-cases/communications/stop-optional-mail";

const tokenSchema = z.string().min(10).max(1000);

/**
 * The page's button, public like the opt-out's (no session: families follow a link from an
 * e-mail), so it does not go through serverAction. The input is parsed here and the signed,
 * expiring token verified by the use-case before anything is read or written; the district and
 * the guardian come only from that token.
 */
export async function stopOptionalMailAction(form: FormData): Promise<void> {
  const token = tokenSchema.safeParse(formFields(form).token);
  if (token.success) await stopOptionalMail(publicContext(), token.data);
  redirect(`${UNSUBSCRIBE_PAGE_PATH}?token=${encodeURIComponent(token.success ? token.data : "")}`);
}
