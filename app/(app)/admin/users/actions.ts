"use server";

import { revalidatePath } from "next/cache";
import { userAccessSchema } from "@/lib/domain/users/access";
import { serverAction } from "@/lib/server/action";
import { changeAccountAccess } from "@/lib/use-cases/users/change-account-access";

export const changeAccessAction = serverAction(userAccessSchema, async (ctx, input) => {
  const account = await changeAccountAccess(ctx, input);
  revalidatePath("/admin/users");
  return { role: account.role, active: account.active, changed: account.changed };
});
