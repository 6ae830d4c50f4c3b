import type { Database } from "@/db/client";
import { auditChainSlice, unsealedAuditRows } from "@/db/queries/audit-seal";
import { allDistricts } from "@/db/queries/audit-trail";
import { withTenant } from "@/db/with-tenant";
import {
  type ChainBreak,
  type ChainLink,
  findChainBreak,
  findUnsealed,
} from "@/lib/domain/audit/chain";

export interface DistrictChainReport {
  tenantId: string;
  name: string;
  /** Seals found to fit, in chain order, before the first that does not. */
  rowsVerified: number;
  /** Rows queued for the sealer for less than the grace period: not sealed yet, not a finding. */
  pending: number;
  broken: ChainBreak | null;
}

export interface VerifyOptions {
  sliceSize?: number;
  /** How long a row may wait in the sealer's queue before that is a finding (seconds). */
  unsealedGraceSeconds?: number;
}

/** Five minutes: the sealer runs every second or so; longer means it is not running. */
export const UNSEALED_GRACE_SECONDS = 300;

/** Walks the district's seals in order; the first that does not fit, and how many did. */
async function verifySeals(ownerDb: Database, tenantId: string, sliceSize: number) {
  let last: ChainLink | null = null;
  let rowsVerified = 0;
  for (;;) {
    const after = last?.chainSeq ?? 0;
    const slice = await withTenant(ownerDb, { tenantId }, (tx) =>
      auditChainSlice(tx, tenantId, after, sliceSize),
    );
    const result = findChainBreak(slice, last);
    rowsVerified += (result.last?.chainSeq ?? 0) - after;
    if (result.broken) return { rowsVerified, broken: result.broken };
    last = result.last;
    if (slice.length < sliceSize) return { rowsVerified, broken: null };
  }
}

/**
 * Recomputes every district's audit chain (its seals, docs/decisions/0027-audit-seals.md) in
 * order, a slice at a time, and names the first seal that does not fit; then looks for rows
 * with no seal that are not on their way to one. Runs as the owner role (`npm run
 * audit:verify`): the owner may list districts, and reads each district inside withTenant.
 */
export async function verifyAuditChains(
  ownerDb: Database,
  { sliceSize = 5_000, unsealedGraceSeconds = UNSEALED_GRACE_SECONDS }: VerifyOptions = {},
): Promise<DistrictChainReport[]> {
  const reports: DistrictChainReport[] = [];
  for (const district of await allDistricts(ownerDb)) {
    const sealed = await verifySeals(ownerDb, district.id, sliceSize);
    // Every unsealed row is pending or a finding; a finding stops the count, as a break does.
    const unsealed = await withTenant(ownerDb, { tenantId: district.id }, (tx) =>
      unsealedAuditRows(tx, district.id, 100_000),
    );
    const waiting = findUnsealed(unsealed, unsealedGraceSeconds);
    reports.push({
      tenantId: district.id,
      name: district.name,
      rowsVerified: sealed.rowsVerified,
      pending: waiting.pending,
      broken: sealed.broken ?? waiting.broken,
    });
  }
  return reports;
}
