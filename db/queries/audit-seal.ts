import { sql } from "drizzle-orm";
import type { ChainRow, UnsealedRow } from "@/lib/domain/audit/chain";
import type { Database, Tx } from "../client";

/**
 * The audit chain's seals (drizzle/0018_audit_seals.sql): the sealer that writes them, as the
 * worker role, and what `npm run audit:verify` reads to check them, as the owner.
 */

/** Districts with audit rows waiting for their seal (the worker's policy lets it see them all). */
export async function districtsWithUnsealedRows(db: Database): Promise<string[]> {
  const rows = await db.execute<{ tenant_id: string }>(
    sql`select distinct tenant_id from intervention.audit_unsealed`,
  );
  return rows.map((row) => row.tenant_id);
}

/** Seals up to `limit` of the district's queued rows in id order; how many it sealed. */
export async function sealQueuedRows(tx: Tx, tenantId: string, limit: number): Promise<number> {
  const [row] = await tx.execute<{ sealed: number }>(
    sql`select intervention.seal_audit_rows(${tenantId}, ${limit}) as sealed`,
  );
  return Number(row?.sealed ?? 0);
}

/**
 * A slice of a district's chain after `afterSeq`, each seal with its row's hash recomputed from
 * the row as it is now by the function the sealer used (null when the row is gone).
 */
export async function auditChainSlice(
  tx: Tx,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<ChainRow[]> {
  const rows = await tx.execute<{
    audit_id: string;
    position: string;
    prev_hash: string | null;
    hash: string;
    recomputed: string | null;
    row_chain_seq: string | null;
  }>(sql`
    select s.audit_id, s.position, s.prev_hash, s.hash, a.chain_seq as row_chain_seq,
           case when a.id is not null
                then intervention.audit_seal_hash(a, s.position, s.prev_hash) end as recomputed
    from (select * from intervention.audit_seals
          where tenant_id = ${tenantId} and position > ${afterSeq}
          order by position limit ${limit}) s
    -- Each seal's row by its key (LIMIT keeps it a lookup per seal, whatever the statistics).
    left join lateral (select * from intervention.audit_log l
                       where l.tenant_id = s.tenant_id and l.id = s.audit_id limit 1) a on true
    order by s.position`);
  return rows.map((row) => ({
    id: Number(row.audit_id),
    chainSeq: Number(row.position),
    prevHash: row.prev_hash,
    hash: row.hash,
    recomputed: row.recomputed,
    rowChainSeq: row.row_chain_seq === null ? null : Number(row.row_chain_seq),
  }));
}

/**
 * The district's audit rows without a seal, oldest first, with how long each has waited in the
 * sealer's queue by the database's clock (null when it is not queued).
 */
export async function unsealedAuditRows(
  tx: Tx,
  tenantId: string,
  limit: number,
): Promise<UnsealedRow[]> {
  const rows = await tx.execute<{ id: string; waited: number | null }>(sql`
    select a.id, extract(epoch from clock_timestamp() - u.queued_at)::float8 as waited
    from intervention.audit_log a
    left join intervention.audit_unsealed u on u.tenant_id = a.tenant_id and u.audit_id = a.id
    where a.tenant_id = ${tenantId}
      and not exists (select 1 from intervention.audit_seals s
                      where s.tenant_id = a.tenant_id and s.audit_id = a.id)
    order by a.id
    limit ${limit}`);
  return rows.map((row) => ({
    id: Number(row.id),
    queuedForSeconds: row.waited === null ? null : Number(row.waited),
  }));
}
