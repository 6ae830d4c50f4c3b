import { recordDisclosure } from "@/db/queries/audit";
import { withTenant } from "@/db/with-tenant";
import type { DisclosureRequest } from "@/lib/domain/audit/schemas";
import { ForbiddenError } from "@/lib/domain/errors";
import { canExportStudentRecord } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { loadStudentRecord, recordLineCount, studentRecordCsv } from "./student-record";

export type ExportFormat = "csv" | "print";

/**
 * The compliance export of one student (CSV download or printable page). What leaves, to whom
 * and why is recorded as a disclosure in the same transaction that reads the record, so no
 * export goes unrecorded.
 */
export async function exportStudentRecord(
  ctx: UseCaseContext,
  studentId: string,
  request: DisclosureRequest,
  format: ExportFormat,
) {
  if (!canExportStudentRecord(ctx.actor)) {
    throw new ForbiddenError("Only district admins export a student's record.");
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const record = await loadStudentRecord(tx, ctx.actor.tenantId, studentId);
    const disclosureId = await recordDisclosure(tx, ctx.actor, ctx.requestId, {
      studentId,
      disclosedTo: request.disclosedTo,
      purpose: request.purpose,
      details: { kind: "compliance-export", format, lines: recordLineCount(record) },
    });
    return {
      disclosureId,
      record,
      csv: format === "csv" ? studentRecordCsv(record) : null,
    };
  });
}
