import { describe, expect, it } from "vitest";
import { brokerRows, tallyDeliveries } from "./broker-tally";

describe("tallyDeliveries", () => {
  it("counts lost events, events applied twice and copies delivered, ignoring others' events", () => {
    expect(tallyDeliveries(["a", "b", "c"], ["a", "b", "b", "x", "x"], ["a", "b", "x"])).toEqual({
      written: 3,
      applied: 2,
      lost: 1,
      duplicatedEffects: 0,
      rawDuplicates: 1,
    });
    expect(tallyDeliveries(["a"], ["a"], ["a", "a"])).toMatchObject({ duplicatedEffects: 1 });
  });
});

describe("brokerRows", () => {
  const outage = { seconds: 5, writtenDuring: 3, heldAtRestart: 2, drainSeconds: 1 };
  const clean = tallyDeliveries(["a", "b"], ["a", "b"], ["a", "b"]);

  it("passes with nothing lost, nothing doubled and no copies", () => {
    expect(brokerRows(clean, outage).map((r) => r.ok)).toEqual([true, true]);
  });

  it("fails on a loss, a copy, or an outage the relay never felt", () => {
    expect(brokerRows(tallyDeliveries(["a", "b"], ["a"], ["a"]), outage)[0]!.ok).toBe(false);
    expect(brokerRows(tallyDeliveries(["a"], ["a", "a"], ["a"]), outage)[1]!.ok).toBe(false);
    expect(brokerRows(clean, { ...outage, heldAtRestart: 0 })[0]!.ok).toBe(false);
  });
});
