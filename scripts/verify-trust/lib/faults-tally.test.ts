import { describe, expect, it } from "vitest";
import { cutPlans, type FaultIteration, faultRows, writeState } from "./faults-tally";

const none = { notes: 0, events: 0, audits: 0, keys: 0 };
const whole = { notes: 1, events: 1, audits: 1, keys: 1 };

describe("writeState", () => {
  it("knows a write that is all there, not there, or in part", () => {
    expect(writeState(none)).toBe("none");
    expect(writeState(whole)).toBe("whole");
    expect(writeState({ ...whole, events: 0 })).toBe("partial");
    expect(writeState({ ...whole, audits: 2 })).toBe("partial");
  });
});

describe("cutPlans", () => {
  it("spreads the offsets over the transaction, then cuts after the COMMIT", () => {
    expect(cutPlans(1000, 4, 1)).toEqual([
      { kind: "request", afterBytes: 0 },
      { kind: "request", afterBytes: 250 },
      { kind: "request", afterBytes: 500 },
      { kind: "request", afterBytes: 750 },
      { kind: "reply" },
    ]);
  });
});

describe("faultRows", () => {
  const iteration = (over: Partial<FaultIteration> = {}): FaultIteration => ({
    plan: { kind: "request", afterBytes: 10 },
    cut: true,
    afterCut: none,
    afterRetries: whole,
    sameAnswer: true,
    ...over,
  });

  it("passes when every reset left all or nothing and every retry one effect", () => {
    const rows = faultRows(
      [iteration(), iteration({ plan: { kind: "reply" }, afterCut: whole })],
      2,
    );
    expect(rows.map((r) => r.ok)).toEqual([true, true]);
    expect(rows[0]!.figure).toBe(
      "2 of 2 resets at 2 points of the write: 0 partial writes (1 rolled back, 1 committed)",
    );
  });

  it("fails on a partial write, a missed cut, a doubled effect or a different answer", () => {
    expect(faultRows([iteration({ afterCut: { ...none, notes: 1 } })], 1)[0]!.ok).toBe(false);
    expect(faultRows([iteration({ cut: false })], 1)[0]!.ok).toBe(false);
    expect(faultRows([iteration({ afterRetries: { ...whole, notes: 2 } })], 1)[1]!.ok).toBe(false);
    expect(faultRows([iteration({ sameAnswer: false })], 1)[1]!.ok).toBe(false);
  });
});
