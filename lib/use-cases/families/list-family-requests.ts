import { recordRead } from "@/db/queries/audit";
import { familyRequestsOf, openFamilyRequests } from "@/db/queries/families/requests";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { familyRequestQueue } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadFamilyRecord } from "./family-record-access";

/**
 * A child's questions and amendment requests with the team's answers, newest first: a guardian
 * reads the ones they asked, the child's team every guardian's. A staff member's look is logged.
 */
export async function listFamilyRequests(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const { student, guardianFilter } = await loadFamilyRecord(tx, actor, studentId);
    const items = await familyRequestsOf(tx, actor.tenantId, studentId, guardianFilter);
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "family-requests" },
    });
    return { student, items };
  });
}

/**
 * The dashboard's list of requests waiting for an answer, oldest first: the district's for
 * specialists and admins, the children of their groups for other staff; families: 403.
 */
export async function listOpenFamilyRequests(ctx: UseCaseContext) {
  const { actor } = ctx;
  const queue = familyRequestQueue(actor);
  if (queue === "none") throw new ForbiddenError();
  return withTenant(ctx.db, actor, (tx) =>
    openFamilyRequests(
      tx,
      actor.tenantId,
      queue === "own-groups" && actor.staffId ? { facilitatorStaffId: actor.staffId } : {},
    ),
  );
}
