import { summaryOfLetter } from "@/db/queries/families/summaries";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { SummaryContent } from "@/lib/domain/families/progress-summary";
import { canManageIntervention, isFamily } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A progress summary letter's content, for its PDF: the guardian it was written to (while the
 * link to the child is open), or a specialist or admin of the district. Anyone else, and any
 * other letter, 404: a summary's existence is not told to those who may not read it.
 */
export async function getSummaryForPdf(ctx: UseCaseContext, communicationId: string) {
  const { actor } = ctx;
  const family = isFamily(actor);
  if (!(family && actor.guardianId) && !canManageIntervention(actor)) {
    throw new NotFoundError("Progress summary");
  }
  return withTenant(ctx.db, actor, async (tx) => {
    const found = await summaryOfLetter(
      tx,
      actor.tenantId,
      communicationId,
      family ? actor.guardianId : null,
    );
    if (!found) throw new NotFoundError("Progress summary");
    const content = found.content as SummaryContent;
    const filename = `progress-summary-${found.periodName}-${content.studentFirstName}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
    return { content, filename: `${filename}.pdf` };
  });
}
