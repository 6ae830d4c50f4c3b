import { appendAudit } from "@/db/queries/audit";
import {
  insertProtectedBlock,
  protectedBlockById,
  updateProtectedBlock,
} from "@/db/queries/scheduling/school-blocks";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { ProtectedBlockInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireSchool } from "./time-facts-access";

/** Adds a protected block (core ELA or math, lunch, WIN time) to a school, or edits one. */
export async function saveProtectedBlock(ctx: UseCaseContext, input: ProtectedBlockInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const school = await requireSchool(tx, tenantId, input.schoolId);
    const before = input.id ? await protectedBlockById(tx, tenantId, input.id) : null;
    if (input.id && (!before || before.schoolId !== school.id))
      throw new NotFoundError("Protected block", "No protected block with this id at this school.");
    const values = {
      grade: input.grade,
      kind: input.kind,
      label: input.label,
      days: input.days,
      startTime: input.startTime,
      endTime: input.endTime,
    };
    let id: string;
    if (before) {
      await updateProtectedBlock(tx, tenantId, before.id, values);
      id = before.id;
    } else id = (await insertProtectedBlock(tx, tenantId, { schoolId: school.id, ...values })).id;
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: before ? "protected_block.updated" : "protected_block.created",
        entityType: "protected_block",
        entityId: id,
        before,
        after: { schoolId: school.id, ...values },
      },
    ]);
    return { id, schoolId: school.id, ...values };
  });
}
