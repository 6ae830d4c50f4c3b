import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { schools } from "../../schema";
import { upsertBySourceId } from "./bulk";

/** orgs.csv: the district's schools. */

export interface RosterSchool {
  sourceId: string;
  name: string;
  code: string | null;
}

/** Schools of a roster: a school entered by hand is adopted by its code, then all are upserted. */
export async function upsertSchools(tx: Tx, tenantId: string, rows: readonly RosterSchool[]) {
  await adoptSchoolsByCode(
    tx,
    tenantId,
    rows.flatMap((s) => (s.code ? [{ sourceId: s.sourceId, code: s.code }] : [])),
  );
  return upsertBySourceId(
    tx,
    schools,
    rows.map((s) => ({ tenantId, ...s })),
    ["name", "code"],
  );
}

/**
 * A school the district entered by hand before its first import is recognised by its code and
 * given the roster's sourcedId, instead of being created twice.
 */
async function adoptSchoolsByCode(
  tx: Tx,
  tenantId: string,
  pairs: readonly { sourceId: string; code: string }[],
): Promise<void> {
  for (const { sourceId, code } of pairs) {
    await tx
      .update(schools)
      .set({ sourceId })
      .where(
        and(
          eq(schools.tenantId, tenantId),
          eq(schools.code, code),
          isNull(schools.sourceId),
          sql`not exists (select 1 from ${schools} s2 where s2.tenant_id = ${tenantId} and s2.source_id = ${sourceId})`,
        ),
      );
  }
}
