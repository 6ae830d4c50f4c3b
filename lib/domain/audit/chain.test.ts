import { describe, expect, it } from "vitest";
import { type ChainRow, findChainBreak } from "./chain";

/** A well-formed chain of `n` rows whose hashes are "h1", "h2", …. */
function chain(n: number): ChainRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 100 + i,
    chainSeq: i + 1,
    prevHash: i === 0 ? null : `h${i}`,
    hash: `h${i + 1}`,
    recomputed: `h${i + 1}`,
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
    expect(broken?.problem).toMatch(/changed after it was written/);
  });

  it("names the row after a removed one", () => {
    const rows = chain(4);
    rows.splice(1, 1);
    const { broken } = findChainBreak(rows, null);
    expect(broken).toMatchObject({ id: 102, chainSeq: 3 });
    expect(broken?.problem).toMatch(/jumps from 1 to 3: 1 row/);
  });

  it("names the row after one whose stored hash was rewritten", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, hash: "forged", recomputed: "forged" };
    const { broken } = findChainBreak(rows, null);
    expect(broken).toMatchObject({ chainSeq: 3 });
    expect(broken?.problem).toMatch(/row before it was changed/);
  });

  it("names a row that never passed the trigger", () => {
    const rows = [
      ...chain(2),
      { id: 7, chainSeq: null, prevHash: null, hash: null, recomputed: null },
    ];
    expect(findChainBreak(rows, null).broken).toMatchObject({ id: 7, chainSeq: null });
  });
});
