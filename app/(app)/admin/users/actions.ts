"use server";

import { revalidatePath } from "next/cache";
import { giveAccountSchema, userAccessSchema } from "@/lib/domain/users/access";
import { serverAction } from "@/lib/server/action";
import { changeAccountAccess } from "@/lib/use-cases/users/change-account-access";
import { offerAccount } from "@/lib/use-cases/users/give-account";

export const changeAccessAction = serverAction(userAccessSchema, async (ctx, input) => {
  const account = await changeAccountAccess(ctx, input);
  revalidatePath("/admin/users");
  return { role: account.role, active: account.active, changed: account.changed };
});

/**
 * Not revalidated: the form says in place what was made, where a refresh would take the person
 * off the "without an account" list before the admin has read it. The next search shows them.
 */
export const giveAccountAction = serverAction(giveAccountSchema, async (ctx, input) => {
  // An address with an account in another district gets the same answer (offerAccount).
  return offerAccount(ctx, input);
});
