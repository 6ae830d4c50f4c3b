"use server";

import { redirect } from "next/navigation";
import { z } from "@/lib/domain/zod";
import { formFields } from "@/lib/server/form-fields";
import { publicContext } from "@/lib/server/public-context";
import { confirmOptOut } from "@/lib/use-cases/communications/confirm-opt-out";

const tokenSchema = z.string().min(10).max(1000);

/**
 * The one public server action: no session by design (families follow a link from a letter),
 * so it does not go through serverAction. The input is parsed here, and the signed, expiring
 * token is verified by the use-case before anything is read or written; the district and the
 * enrollment come only from that token.
 */
export async function confirmOptOutAction(form: FormData): Promise<void> {
  const token = tokenSchema.safeParse(formFields(form).token);
  if (token.success) await confirmOptOut(publicContext(), token.data);
  redirect(`/opt-out?token=${encodeURIComponent(token.success ? token.data : "")}`);
}
