"use server";

import { revalidatePath } from "next/cache";
import { giveStaffAccountSchema, userAccessSchema } from "@/lib/domain/users/access";
import { serverAction } from "@/lib/server/action";
import { changeAccountAccess } from "@/lib/use-cases/users/change-account-access";
import { giveStaffAccount } from "@/lib/use-cases/users/give-staff-account";

export const changeAccessAction = serverAction(userAccessSchema, async (ctx, input) => {
  const account = await changeAccountAccess(ctx, input);
  revalidatePath("/admin/users");
  return { role: account.role, active: account.active, changed: account.changed };
});

/**
 * Not revalidated: the form says in place what was made, where a refresh would take the person
 * off the "without an account" list before the admin has read it. The next search shows them.
 */
export const giveAccountAction = serverAction(giveStaffAccountSchema, async (ctx, input) => {
  const account = await giveStaffAccount(ctx, input);
  return { name: account.name, email: account.email };
});
