import { recordRead } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canExportStudentRecord } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadStudentRecord } from "./student-record";

/** A student's compliance record on screen (admin). The viewing itself is logged. */
export async function getStudentRecord(ctx: UseCaseContext, studentId: string) {
  if (!canExportStudentRecord(ctx.actor)) {
    throw new ForbiddenError("Only district admins open a student's compliance record.");
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const record = await loadStudentRecord(tx, ctx.actor.tenantId, studentId);
    await recordRead(tx, ctx.actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
    });
    return record;
  });
}
