import type { Database } from "@/db/client";
import { allDistricts, auditChainSlice } from "@/db/queries/audit-trail";
import { withTenant } from "@/db/with-tenant";
import { type ChainBreak, type ChainLink, findChainBreak } from "@/lib/domain/audit/chain";

export interface DistrictChainReport {
  tenantId: string;
  name: string;
  /** Rows found to fit, in chain order, before the first that does not. */
  rowsVerified: number;
  broken: ChainBreak | null;
}

/**
 * Recomputes every district's audit chain in order, a slice at a time, and names the first row
 * of each district that does not fit. Runs as the owner role (`npm run audit:verify`): the
 * owner may list districts, and reads each district's rows inside withTenant like anyone else.
 */
export async function verifyAuditChains(
  ownerDb: Database,
  sliceSize = 5_000,
): Promise<DistrictChainReport[]> {
  const reports: DistrictChainReport[] = [];
  for (const district of await allDistricts(ownerDb)) {
    let last: ChainLink | null = null;
    let rowsVerified = 0;
    let broken: ChainBreak | null = null;
    for (;;) {
      const after = last?.chainSeq ?? 0;
      const slice = await withTenant(ownerDb, { tenantId: district.id }, (tx) =>
        auditChainSlice(tx, district.id, after, sliceSize),
      );
      const result = findChainBreak(slice, last);
      rowsVerified += (result.last?.chainSeq ?? 0) - after;
      if (result.broken) {
        broken = result.broken;
        break;
      }
      last = result.last;
      if (slice.length < sliceSize) break;
    }
    reports.push({ tenantId: district.id, name: district.name, rowsVerified, broken });
  }
  return reports;
}
