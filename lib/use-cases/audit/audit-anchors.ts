import type { Database } from "@/db/client";
import { hashAtChainSeq, latestChainLink } from "@/db/queries/audit-anchor";
import { allDistricts } from "@/db/queries/audit-trail";
import { withTenant } from "@/db/with-tenant";
import {
  anchorDisagreement,
  anchorSignatureValid,
  type SignedAuditAnchor,
  signAnchor,
} from "@/lib/domain/audit/anchor";

/** A district's anchor now: its latest place in the chain, signed (lib/domain/audit/anchor.ts). */
export async function anchorOf(
  ownerDb: Database,
  district: { id: string; name: string },
  secret: string,
  now: Date,
): Promise<SignedAuditAnchor> {
  const link = await withTenant(ownerDb, { tenantId: district.id }, (tx) =>
    latestChainLink(tx, district.id),
  );
  return signAnchor(
    {
      district: district.id,
      name: district.name,
      seq: link?.chainSeq ?? 0,
      hash: link?.hash ?? null,
      at: now.toISOString(),
    },
    secret,
  );
}

/**
 * Every district's anchor (`npm run audit:verify` prints them, `--write-anchors` keeps them).
 * Runs as the owner role, which may list districts; it only reads.
 */
export async function takeAuditAnchors(
  ownerDb: Database,
  secret: string,
  now: Date,
): Promise<SignedAuditAnchor[]> {
  const anchors: SignedAuditAnchor[] = [];
  for (const district of await allDistricts(ownerDb)) {
    anchors.push(await anchorOf(ownerDb, district, secret, now));
  }
  return anchors;
}

export interface AnchorCheck {
  anchor: SignedAuditAnchor;
  /** Why the database no longer agrees with the anchor, or null when it does. */
  problem: string | null;
}

/**
 * Compares the chains as they are now with anchors kept earlier (`audit:verify --anchors`). An
 * anchor whose signature does not verify is itself reported: it was altered, or made without
 * the server's secret. Otherwise the anchored row must still hold its hash and the chain must
 * be at least as long; a rewrite of the newest rows that recomputed every hash passes the chain
 * check but fails here.
 */
export async function compareWithAnchors(
  ownerDb: Database,
  anchors: readonly SignedAuditAnchor[],
  secret: string,
): Promise<AnchorCheck[]> {
  const districts = new Set((await allDistricts(ownerDb)).map((d) => d.id));
  const checks: AnchorCheck[] = [];
  for (const anchor of anchors) {
    if (!anchorSignatureValid(anchor, secret)) {
      checks.push({
        anchor,
        problem:
          "the anchor's signature does not verify: it was altered, or not signed with this server's secret",
      });
      continue;
    }
    if (!districts.has(anchor.district)) {
      checks.push({ anchor, problem: "the district is no longer in the database" });
      continue;
    }
    const now = await withTenant(ownerDb, { tenantId: anchor.district }, async (tx) => ({
      latestSeq: (await latestChainLink(tx, anchor.district))?.chainSeq ?? 0,
      hashAtSeq: anchor.seq > 0 ? await hashAtChainSeq(tx, anchor.district, anchor.seq) : null,
    }));
    checks.push({ anchor, problem: anchorDisagreement(anchor, now) });
  }
  return checks;
}
