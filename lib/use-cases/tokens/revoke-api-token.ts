import { appendAudit } from "@/db/queries/audit";
import { revokeApiToken as revoke } from "@/db/queries/tokens";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canManageApiTokens } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** From the next request on, the token answers 401. */
export async function revokeApiToken(ctx: UseCaseContext, tokenId: string) {
  if (!canManageApiTokens(ctx.actor))
    throw new ForbiddenError("Only district admins revoke API tokens.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const revoked = await revoke(tx, ctx.actor.tenantId, tokenId, ctx.now());
    if (!revoked)
      throw new NotFoundError("API token", "No live API token with this id in your district.");
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "api_token.revoked",
        entityType: "api_token",
        entityId: revoked.id,
        before: { name: revoked.name, role: revoked.role, revoked: false },
        after: { revoked: true },
      },
    ]);
    return revoked;
  });
}
