"use server";

import { revalidatePath } from "next/cache";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/domain/tokens/schemas";
import { serverAction } from "@/lib/server/action";
import { createApiToken } from "@/lib/use-cases/tokens/create-api-token";
import { revokeApiToken } from "@/lib/use-cases/tokens/revoke-api-token";

/** Returns the token once; the page never shows it again. */
export const createTokenAction = serverAction(createApiTokenSchema, async (ctx, input) => {
  const created = await createApiToken(ctx, input);
  revalidatePath("/admin/tokens");
  return { id: created.id, name: created.name, role: created.role, token: created.token };
});

export const revokeTokenAction = serverAction(revokeApiTokenSchema, async (ctx, input) => {
  await revokeApiToken(ctx, input.tokenId);
  revalidatePath("/admin/tokens");
  return { revoked: input.tokenId };
});
