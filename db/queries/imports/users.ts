import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { staff, students } from "../../schema";
import { upsertBySourceId } from "./bulk";

/** users.csv: students (with demographics.csv's birth dates) and staff. */

export type RosterStudent = Omit<typeof students.$inferInsert, "tenantId" | "id" | "currentTier">;

/** `birthDate` is only written when the roster had demographics.csv; otherwise it is kept. */
export async function upsertStudents(
  tx: Tx,
  tenantId: string,
  rows: readonly RosterStudent[],
  options: { withBirthDate: boolean },
) {
  const columns = ["schoolId", "localId", "firstName", "lastName", "grade", "active"] as const;
  return upsertBySourceId(
    tx,
    students,
    rows.map((s) => ({ tenantId, ...s })),
    options.withBirthDate ? [...columns, "birthDate"] : columns,
  );
}

/**
 * Every student number of the district with the sourcedId of the student who has it: read once
 * per import and kept up to date in memory, rather than looked up per batch (see preferBulkPlans,
 * in bulk.ts).
 */
export async function studentNumbers(
  tx: Tx,
  tenantId: string,
): Promise<Map<string, string | null>> {
  const rows = await tx
    .select({ localId: students.localId, sourceId: students.sourceId })
    .from(students)
    .where(eq(students.tenantId, tenantId));
  return new Map(rows.map((r) => [r.localId, r.sourceId]));
}

export type RosterStaff = Omit<typeof staff.$inferInsert, "tenantId" | "id" | "title">;

/** The display name is written on creation only: one set in NorthStar ("Ms. Johnson") is kept. */
export async function upsertStaff(tx: Tx, tenantId: string, rows: readonly RosterStaff[]) {
  return upsertBySourceId(
    tx,
    staff,
    rows.map((s) => ({ tenantId, ...s })),
    ["schoolId", "firstName", "lastName", "email", "phone", "active"],
  );
}
