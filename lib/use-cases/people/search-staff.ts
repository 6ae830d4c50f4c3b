import { searchStaff as queryStaff } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canSearchPeople } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** The district's staff directory, for facilitator pickers. */
export async function searchStaff(
  ctx: UseCaseContext,
  query: { q?: string; limit: number; offset: number },
) {
  if (!canSearchPeople(ctx.actor)) throw new ForbiddenError();
  return withTenant(ctx.db, ctx.actor, (tx) => queryStaff(tx, ctx.actor.tenantId, query));
}
