import { listReviews } from "@/db/queries/exits/reviews";
import { withTenant } from "@/db/with-tenant";
import type { ExitReviewStatus } from "@/lib/domain/decisions/kinds";
import { ForbiddenError } from "@/lib/domain/errors";
import type { ExitReviewQuery } from "@/lib/domain/exit";
import { exitReviewScope } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { type ExitReviewDto, exitReviewDto } from "./exit-review-dto";

/**
 * The exit reviews of one status (`eligible`, `recommended`, `approved`, `declined`), or the open
 * ones (eligible and recommended) when none is asked: the whole district for specialists and
 * admins, their own groups' for facilitators; 403 for teachers and families.
 */
export async function listExitReviews(
  ctx: UseCaseContext,
  query: ExitReviewQuery = {},
): Promise<{ items: ExitReviewDto[] }> {
  const scope = exitReviewScope(ctx.actor);
  if (scope === "none") {
    throw new ForbiddenError("Only staff who run or manage groups see exit reviews.");
  }
  const statuses: ExitReviewStatus[] = query.status ? [query.status] : ["eligible", "recommended"];
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    listReviews(tx, ctx.actor.tenantId, {
      statuses,
      facilitatorStaffId: scope === "own-groups" ? (ctx.actor.staffId ?? undefined) : undefined,
    }),
  );
  return { items: rows.map(exitReviewDto) };
}
