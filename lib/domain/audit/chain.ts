/**
 * Checking a district's hash-chained audit trail (Scenario 12, docs/decisions/0027-audit-seals.md).
 * The chain is the district's seals: each names an audit row (`id`), its place (`chainSeq`), the
 * previous seal's hash (`prevHash`) and its own `hash` over the row's content, its place and
 * `prevHash`; the database recomputes that hash from the row as it is now (`recomputed`).
 */
export interface ChainRow {
  id: number;
  chainSeq: number;
  prevHash: string | null;
  hash: string;
  /** Null when the sealed row is gone. */
  recomputed: string | null;
  /** The row's own chain_seq (rows written before migration 0018 only), else null. */
  rowChainSeq: number | null;
}

export interface ChainLink {
  chainSeq: number;
  hash: string;
}

export interface ChainBreak {
  id: number;
  chainSeq: number | null;
  /** What does not fit, in words an auditor can act on. */
  problem: string;
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : "none");

/** Why one seal does not continue the chain from `last`, or null when it does. */
function sealProblem(row: ChainRow, last: ChainLink | null): string | null {
  const expected = (last?.chainSeq ?? 0) + 1;
  if (row.chainSeq !== expected) {
    return row.chainSeq > expected
      ? `chain_seq jumps from ${expected - 1} to ${row.chainSeq}: ${row.chainSeq - expected} seal(s) before it were removed`
      : `chain_seq ${row.chainSeq} repeats or goes back (expected ${expected})`;
  }
  if (row.prevHash !== (last?.hash ?? null)) {
    return `prev_hash ${short(row.prevHash)} is not the hash of chain_seq ${expected - 1} (${short(last?.hash ?? null)}): the row before it was changed or replaced`;
  }
  if (row.recomputed === null) {
    return `the sealed row (id ${row.id}) is gone: it was deleted after it was sealed`;
  }
  if (row.rowChainSeq !== null && row.rowChainSeq !== row.chainSeq) {
    return `the row's own chain_seq is ${row.rowChainSeq}, its seal's place ${row.chainSeq}: rows were moved in the chain`;
  }
  if (row.recomputed !== row.hash) {
    return `stored hash ${short(row.hash)} does not match its content (${short(row.recomputed)}): the row or its seal was changed after it was sealed`;
  }
  return null;
}

/**
 * The first seal, in chain order, that does not fit the chain continued from `previous`
 * (null at the start of the chain), or null when every seal fits.
 */
export function findChainBreak(
  rows: readonly ChainRow[],
  previous: ChainLink | null,
): { broken: ChainBreak | null; last: ChainLink | null } {
  let last = previous;
  for (const row of rows) {
    const problem = sealProblem(row, last);
    if (problem) return { broken: { id: row.id, chainSeq: row.chainSeq, problem }, last };
    last = { chainSeq: row.chainSeq, hash: row.hash };
  }
  return { broken: null, last };
}

/** An audit row without a seal: whether it waits in the sealer's queue, and for how long. */
export interface UnsealedRow {
  id: number;
  /** Seconds since it was queued (database time), or null when it is not in the queue. */
  queuedForSeconds: number | null;
}

/**
 * Rows not sealed yet. One queued for less than `graceSeconds` is on its way (the sealer runs
 * every second or so); one queued longer means no sealer runs, and one not queued at all was
 * inserted past the queueing trigger or its entry was removed: both are findings.
 */
export function findUnsealed(
  rows: readonly UnsealedRow[],
  graceSeconds: number,
): { broken: ChainBreak | null; pending: number } {
  let pending = 0;
  for (const row of rows) {
    if (row.queuedForSeconds === null) {
      return {
        broken: {
          id: row.id,
          chainSeq: null,
          problem:
            "the row is neither sealed nor queued for the sealer: it was inserted past the audit trigger, or its queue entry was removed",
        },
        pending,
      };
    }
    if (row.queuedForSeconds > graceSeconds) {
      return {
        broken: {
          id: row.id,
          chainSeq: null,
          problem: `the row has waited ${Math.floor(row.queuedForSeconds)} s for its seal (more than ${graceSeconds} s): is the seal-audit-trail job running?`,
        },
        pending,
      };
    }
    pending += 1;
  }
  return { broken: null, pending };
}
