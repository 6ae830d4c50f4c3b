/**
 * Checking a district's hash-chained audit trail (Scenario 12). Each row stores its place in the
 * chain (`chainSeq`), the previous row's hash (`prevHash`) and its own `hash` over its content
 * and `prevHash`; the database recomputes that hash from the row as it is now (`recomputed`).
 */
export interface ChainRow {
  id: number;
  chainSeq: number | null;
  prevHash: string | null;
  hash: string | null;
  recomputed: string | null;
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

/**
 * The first row, in chain order, that does not fit the chain continued from `previous`
 * (null at the start of the chain), or null when every row fits.
 */
export function findChainBreak(
  rows: readonly ChainRow[],
  previous: ChainLink | null,
): { broken: ChainBreak | null; last: ChainLink | null } {
  let last = previous;
  for (const row of rows) {
    const at = { id: row.id, chainSeq: row.chainSeq };
    if (row.chainSeq === null || row.hash === null) {
      return {
        broken: {
          ...at,
          problem:
            "the row has no place in the chain (no chain_seq or hash): it did not pass the audit trigger",
        },
        last,
      };
    }
    const expected = (last?.chainSeq ?? 0) + 1;
    if (row.chainSeq !== expected) {
      const problem =
        row.chainSeq > expected
          ? `chain_seq jumps from ${expected - 1} to ${row.chainSeq}: ${row.chainSeq - expected} row(s) before it were removed`
          : `chain_seq ${row.chainSeq} repeats or goes back (expected ${expected})`;
      return { broken: { ...at, problem }, last };
    }
    if (row.prevHash !== (last?.hash ?? null)) {
      return {
        broken: {
          ...at,
          problem: `prev_hash ${short(row.prevHash)} is not the hash of chain_seq ${expected - 1} (${short(last?.hash ?? null)}): the row before it was changed or replaced`,
        },
        last,
      };
    }
    if (row.recomputed !== row.hash) {
      return {
        broken: {
          ...at,
          problem: `stored hash ${short(row.hash)} does not match its content (${short(row.recomputed)}): the row was changed after it was written`,
        },
        last,
      };
    }
    last = { chainSeq: row.chainSeq, hash: row.hash };
  }
  return { broken: null, last };
}
