import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { guardians, studentGuardians } from "../../schema";
import { tenantJoin } from "../tenant-join";
import { bulkInsert, upsertBySourceId } from "./bulk";

/** Guardians from users.csv and their links to children (`agentSourcedIds`). */

export type RosterGuardian = Omit<typeof guardians.$inferInsert, "tenantId" | "id">;

export async function upsertGuardians(tx: Tx, tenantId: string, rows: readonly RosterGuardian[]) {
  return upsertBySourceId(
    tx,
    guardians,
    rows.map((g) => ({ tenantId, ...g })),
    ["firstName", "lastName", "email", "phone", "language"],
  );
}

/** A guardian taken off the roster loses every link to a child (and so the portal's view). */
export async function unlinkGuardians(
  tx: Tx,
  tenantId: string,
  guardianIds: readonly string[],
): Promise<number> {
  if (guardianIds.length === 0) return 0;
  const rows = await tx
    .delete(studentGuardians)
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        inArray(studentGuardians.guardianId, [...guardianIds]),
      ),
    )
    .returning({ guardianId: studentGuardians.guardianId });
  return new Set(rows.map((r) => r.guardianId)).size;
}

export interface GuardianLink {
  studentId: string;
  guardianId: string;
  relationship: string;
}

/** Adds links that are missing; returns how many were new. */
export async function linkGuardians(
  tx: Tx,
  tenantId: string,
  links: readonly GuardianLink[],
): Promise<number> {
  if (links.length === 0) return 0;
  const rows = await tx.execute(sql`
    ${bulkInsert(
      studentGuardians,
      links.map((link) => ({ tenantId, ...link })),
    )}
    on conflict do nothing returning t.student_id`);
  return rows.length;
}

/**
 * Every link of the district's students to guardians that came from a roster (have a
 * sourcedId): what a bulk roster may take away. Links typed in by hand stay. One scan of the
 * district on purpose: mid-import the planner's statistics do not yet know the rows just
 * written, and per-batch lookups then degrade into repeated scans.
 */
export async function rosterGuardianLinks(
  tx: Tx,
  tenantId: string,
): Promise<{ studentId: string; guardianId: string }[]> {
  return tx
    .select({ studentId: studentGuardians.studentId, guardianId: studentGuardians.guardianId })
    .from(studentGuardians)
    .innerJoin(guardians, tenantJoin(guardians.id, studentGuardians.guardianId))
    .where(and(eq(studentGuardians.tenantId, tenantId), isNotNull(guardians.sourceId)));
}

export async function removeGuardianLinks(
  tx: Tx,
  tenantId: string,
  links: readonly { studentId: string; guardianId: string }[],
): Promise<number> {
  if (links.length === 0) return 0;
  const rows = await tx
    .delete(studentGuardians)
    .where(
      and(
        eq(studentGuardians.tenantId, tenantId),
        sql`(${studentGuardians.studentId}, ${studentGuardians.guardianId}) in (select * from unnest(${sql.param(links.map((l) => l.studentId))}::text[]::uuid[], ${sql.param(links.map((l) => l.guardianId))}::text[]::uuid[]))`,
      ),
    )
    .returning({ studentId: studentGuardians.studentId });
  return rows.length;
}
