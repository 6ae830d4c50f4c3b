import { recordRead } from "@/db/queries/audit";
import { communicationsLogOf } from "@/db/queries/families/disclosures";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { loadFamilyRecord } from "./family-record-access";

export type CommunicationLogEntry = Awaited<
  ReturnType<typeof listStudentCommunications>
>["items"][number];

/**
 * The messages sent to a child's family, newest first, with channel, language, template version
 * and delivery status: a guardian reads those sent to them, the child's team every guardian's
 * (loadFamilyRecord says who may ask at all). A staff member's look is logged as a read.
 */
export async function listStudentCommunications(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const { student, guardianFilter } = await loadFamilyRecord(tx, actor, studentId);
    const items = await communicationsLogOf(tx, actor.tenantId, studentId, guardianFilter);
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "communications" },
    });
    return { student, items };
  });
}
