import { appendAudit } from "@/db/queries/audit";
import { familyRequestById, insertFamilyRequest } from "@/db/queries/families/requests";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import type { RecordFamilyRequestInput } from "@/lib/domain/families/requests";
import { mayAskFamilyRequest } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadFamilyRecord } from "./family-record-access";

/**
 * A guardian's question for their child's team, or request to amend a record (34 CFR 99.20),
 * from the portal or the API. It waits, open, on the dashboard of the child's facilitators and
 * of the district's specialists and admins until one of them answers. Audited
 * `family_request.recorded`. Another family's child, a restricted guardian's, another district's:
 * 404; the child's team, who answer rather than ask: 403.
 */
export async function recordFamilyRequest(
  ctx: UseCaseContext,
  studentId: string,
  input: RecordFamilyRequestInput,
) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const { tie } = await loadFamilyRecord(tx, actor, studentId);
    if (!mayAskFamilyRequest(actor, tie)) {
      throw new ForbiddenError(
        "Families ask questions and request amendments; the team answers them.",
      );
    }
    const id = await insertFamilyRequest(tx, {
      tenantId: actor.tenantId,
      studentId,
      guardianId: actor.guardianId,
      recordedBy: actor.userId,
      kind: input.kind,
      body: input.body,
      createdAt: ctx.now(),
    });
    const request = (await familyRequestById(tx, actor.tenantId, id))!;
    await appendAudit(tx, actor, ctx.requestId, [
      {
        action: "family_request.recorded",
        entityType: "family_request",
        entityId: id,
        studentId,
        after: { kind: input.kind, body: input.body },
      },
    ]);
    return request;
  });
}
