import { appendAudit } from "@/db/queries/audit";
import { insertApiToken } from "@/db/queries/tokens";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageApiTokens } from "@/lib/domain/policy";
import { type CreateApiTokenInput, TOKEN_DEFAULT_DAYS } from "@/lib/domain/tokens/schemas";
import type { UseCaseContext } from "../context";
import { hashApiToken, newApiTokenSecret } from "./secret";

/**
 * A bearer token for a service or script, scoped to the admin's district and the chosen role.
 * The token is returned once, here; only its SHA-256 is kept. It works for `expiresInDays`
 * days from now (the app's clock), then answers 401.
 */
export async function createApiToken(
  ctx: UseCaseContext,
  input: Omit<CreateApiTokenInput, "expiresInDays"> & { expiresInDays?: number },
) {
  if (!canManageApiTokens(ctx.actor))
    throw new ForbiddenError("Only district admins create API tokens.");
  const token = newApiTokenSecret();
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const created = await insertApiToken(tx, {
      tenantId: ctx.actor.tenantId,
      name: input.name,
      role: input.role,
      tokenHash: hashApiToken(token),
      createdBy: ctx.actor.userId,
      expiresAt: new Date(
        ctx.now().getTime() + (input.expiresInDays ?? TOKEN_DEFAULT_DAYS) * 86_400_000,
      ),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "api_token.created",
        entityType: "api_token",
        entityId: created.id,
        after: {
          name: created.name,
          role: created.role,
          expiresAt: created.expiresAt.toISOString(),
        },
      },
    ]);
    return { ...created, token };
  });
}
