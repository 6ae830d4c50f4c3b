import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { TokenRole } from "@/lib/domain/policy";
import type { Database, Tx } from "../client";
import { apiTokens, districts, users } from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

export interface PresentedToken {
  tenantId: string;
  tokenId: string;
  role: string;
  createdBy: string | null;
  revoked: boolean;
  expiresAt: Date;
}

/**
 * A presented token is looked up before its district is known, like a sign-in e-mail: through
 * a SECURITY DEFINER function (drizzle/0003) that returns only the row with this hash.
 */
export async function findApiToken(
  db: Database,
  tokenHash: string,
): Promise<PresentedToken | null> {
  const rows = await db.execute<{
    tenant_id: string;
    token_id: string;
    role: string;
    created_by: string | null;
    revoked: boolean;
    expires_at: string | Date;
  }>(sql`select * from intervention.find_api_token(${tokenHash})`);
  const row = rows[0];
  return row
    ? {
        tenantId: row.tenant_id,
        tokenId: row.token_id,
        role: row.role,
        createdBy: row.created_by,
        revoked: row.revoked,
        expiresAt: new Date(row.expires_at),
      }
    : null;
}

/** What an actor acting through a token needs: the token's name and its district. */
export async function tokenContext(tx: Tx, tenantId: string, tokenId: string) {
  const [row] = await tx
    .select({
      name: apiTokens.name,
      districtName: districts.name,
      timeZone: districts.timeZone,
    })
    .from(apiTokens)
    .innerJoin(districts, eq(districts.id, apiTokens.tenantId))
    .where(
      and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)),
    );
  return row ?? null;
}

/** Records use; at most once a minute per token, so a busy integration does not write per call. */
export async function touchApiToken(
  tx: Tx,
  tenantId: string,
  tokenId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.tenantId, tenantId),
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)),
        ),
      ),
    );
}

export async function insertApiToken(
  tx: Tx,
  token: {
    tenantId: string;
    name: string;
    tokenHash: string;
    role: TokenRole;
    createdBy: string;
    expiresAt: Date;
  },
) {
  return returnedRow(
    await tx.insert(apiTokens).values(token).returning({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
    }),
  );
}

export async function listApiTokens(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .leftJoin(users, tenantJoin(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.tenantId, tenantId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
}

/** Revokes a live token; null when there is none (unknown, another district's, or revoked). */
export async function revokeApiToken(tx: Tx, tenantId: string, tokenId: string, now: Date) {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role });
  return row ?? null;
}
