import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { auditSeals, users } from "../schema";

/**
 * What anchoring a district's audit chain reads (lib/use-cases/audit/audit-anchors.ts): its
 * newest seal, the seal at an anchored place, and whom the anchor is e-mailed to. Reads only.
 */

export interface ChainLinkRow {
  chainSeq: number;
  hash: string | null;
}

/** The district's newest seal (its primary key), or null when nothing is sealed yet. */
export async function latestChainLink(tx: Tx, tenantId: string): Promise<ChainLinkRow | null> {
  const [row] = await tx
    .select({ chainSeq: auditSeals.position, hash: auditSeals.hash })
    .from(auditSeals)
    .where(eq(auditSeals.tenantId, tenantId))
    .orderBy(desc(auditSeals.position))
    .limit(1);
  return row ? { chainSeq: row.chainSeq, hash: row.hash } : null;
}

/** The hash of the seal at `chainSeq`, or null when no seal holds that place. */
export async function hashAtChainSeq(
  tx: Tx,
  tenantId: string,
  chainSeq: number,
): Promise<string | null> {
  const [row] = await tx
    .select({ hash: auditSeals.hash })
    .from(auditSeals)
    .where(and(eq(auditSeals.tenantId, tenantId), eq(auditSeals.position, chainSeq)))
    .limit(1);
  return row?.hash ?? null;
}

/** The district's active admins, who receive and keep the anchors. */
export async function activeAdminsOf(tx: Tx, tenantId: string) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(users.email);
}
