import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "../client";
import { auditLog, users } from "../schema";

/**
 * What anchoring a district's audit chain reads (lib/use-cases/audit/audit-anchors.ts): its
 * newest link, the row at an anchored place, and whom the anchor is e-mailed to. Reads only.
 */

export interface ChainLinkRow {
  chainSeq: number;
  hash: string | null;
}

/** The district's newest chained row (index `audit_log_chain`), or null when it has none. */
export async function latestChainLink(tx: Tx, tenantId: string): Promise<ChainLinkRow | null> {
  const [row] = await tx
    .select({ chainSeq: auditLog.chainSeq, hash: auditLog.hash })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), isNotNull(auditLog.chainSeq)))
    .orderBy(desc(auditLog.chainSeq))
    .limit(1);
  return row?.chainSeq != null ? { chainSeq: row.chainSeq, hash: row.hash } : null;
}

/** The hash stored on the row at `chainSeq`, or null when no row holds that place. */
export async function hashAtChainSeq(
  tx: Tx,
  tenantId: string,
  chainSeq: number,
): Promise<string | null> {
  const [row] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.chainSeq, chainSeq)))
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
