import { describe, expect, it } from "vitest";
import { type ChainRow, findChainBreak, findUnsealed } from "./chain";

/** A well-formed chain of `n` seals whose hashes are "h1", "h2", …. */
function chain(n: number): ChainRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 100 + i,
    chainSeq: i + 1,
    prevHash: i === 0 ? null : `h${i}`,
    hash: `h${i + 1}`,
    recomputed: `h${i + 1}`,
    rowChainSeq: null,
  }));
}

describe("findChainBreak", () => {
  it("accepts an intact chain and remembers where it ended", () => {
    expect(findChainBreak(chain(3), null)).toEqual({
      broken: null,
      last: { chainSeq: 3, hash: "h3" },
    });
  });

  it("continues a chain checked in slices", () => {
    const rows = chain(5);
    const first = findChainBreak(rows.slice(0, 2), null);
    expect(findChainBreak(rows.slice(2), first.last).broken).toBeNull();
  });

  it("names a row whose content changed", () => {
    const rows = chain(4);
    rows[2] = { ...rows[2]!, recomputed: "tampered" };
    const { broken } = findChainBreak(rows, null);
    expect(broken).toMatchObject({ id: 102, chainSeq: 3 });
    expect(broken?.problem).toMatch(/changed after it was sealed/);
  });

  it("names the seal after a removed one", () => {
    const rows = chain(4);
    rows.splice(1, 1);
    const { broken } = findChainBreak(rows, null);
    expect(broken).toMatchObject({ id: 102, chainSeq: 3 });
    expect(broken?.problem).toMatch(/jumps from 1 to 3: 1 seal/);
  });

  it("names a sealed row that was deleted", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, recomputed: null };
    expect(findChainBreak(rows, null).broken?.problem).toMatch(/id 101\) is gone/);
  });

  it("names the seal after one whose stored hash was forged", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, hash: "forged", recomputed: "forged" };
    const { broken } = findChainBreak(rows, null);
    expect(broken).toMatchObject({ chainSeq: 3 });
    expect(broken?.problem).toMatch(/row before it was changed/);
  });

  it("names a row chained before the seals whose own place was moved", () => {
    const rows = chain(3).map((row) => ({ ...row, rowChainSeq: row.chainSeq }));
    rows[1] = { ...rows[1]!, rowChainSeq: 3 };
    expect(findChainBreak(rows, null).broken?.problem).toMatch(/own chain_seq is 3/);
  });
});

describe("findUnsealed", () => {
  it("counts rows that wait briefly for the sealer as pending", () => {
    expect(findUnsealed([{ id: 1, queuedForSeconds: 2 }], 60)).toEqual({
      broken: null,
      pending: 1,
    });
  });

  it("names a row waiting longer than allowed", () => {
    const { broken } = findUnsealed([{ id: 9, queuedForSeconds: 61.5 }], 60);
    expect(broken).toMatchObject({ id: 9, chainSeq: null });
    expect(broken?.problem).toMatch(/waited 61 s .*more than 60 s/);
  });

  it("names a row that is neither sealed nor queued", () => {
    const { broken } = findUnsealed([{ id: 7, queuedForSeconds: null }], 60);
    expect(broken?.problem).toMatch(/neither sealed nor queued/);
  });
});
