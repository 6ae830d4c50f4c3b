import { listVisibleInterventions } from "@/db/queries/interventions/visible";
import { withTenant } from "@/db/with-tenant";
import type { InterventionStatus } from "@/lib/domain/interventions/schemas";
import { decodeCursor, encodeCursor } from "../common/cursor";
import type { UseCaseContext } from "../context";
import { type InterventionDto, toInterventionDto } from "./intervention-dto";

export interface ListInterventionsQuery {
  status?: InterventionStatus;
  tier?: number;
  facilitatorId?: string;
  mine?: boolean;
  cursor?: string;
  limit: number;
}

/** The interventions the actor may see, newest first, a page at a time. */
export async function listInterventions(
  ctx: UseCaseContext,
  query: ListInterventionsQuery,
): Promise<{ items: InterventionDto[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    listVisibleInterventions(tx, ctx.actor, ctx.now(), {
      status: query.status,
      tier: query.tier,
      facilitatorId: query.facilitatorId,
      mine: query.mine,
      after: after ? { createdAt: new Date(after.at), id: after.id } : undefined,
      limit: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toInterventionDto),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
