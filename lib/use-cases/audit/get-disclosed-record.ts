import { disclosureById } from "@/db/queries/audit-trail";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canExportStudentRecord } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadStudentRecord } from "./student-record";

/**
 * The printable page of an export already recorded as a disclosure: it shows only a record
 * whose disclosure exists, so printing cannot bypass the disclosure log.
 */
export async function getDisclosedRecord(
  ctx: UseCaseContext,
  studentId: string,
  disclosureId: string,
) {
  if (!canExportStudentRecord(ctx.actor)) {
    throw new ForbiddenError("Only district admins export a student's record.");
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const disclosure = await disclosureById(tx, ctx.actor.tenantId, disclosureId);
    if (!disclosure || disclosure.studentId !== studentId) throw new NotFoundError("Disclosure");
    return { disclosure, record: await loadStudentRecord(tx, ctx.actor.tenantId, studentId) };
  });
}
