import { listApiTokens as queryTokens } from "@/db/queries/tokens";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageApiTokens } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** The district's tokens, live ones first, with who made them and when each was last used. */
export async function listApiTokens(ctx: UseCaseContext) {
  if (!canManageApiTokens(ctx.actor))
    throw new ForbiddenError("Only district admins manage API tokens.");
  return withTenant(ctx.db, ctx.actor, (tx) => queryTokens(tx, ctx.actor.tenantId));
}
