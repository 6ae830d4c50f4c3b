import { describe, expect, it } from "vitest";
import { UnprocessableError } from "../errors";
import { checkFidelityGate, lowFidelityWarning, needsLowFidelityReason } from "./fidelity-gate";

describe("the fidelity gate", () => {
  it("asks for a reason to move up when fidelity is below 80 %", () => {
    expect(needsLowFidelityReason({ fromTier: 2, toTier: 3, fidelity: 0.79 })).toBe(true);
    expect(needsLowFidelityReason({ fromTier: 2, toTier: 3, fidelity: 0.8 })).toBe(false);
    expect(needsLowFidelityReason({ fromTier: 2, toTier: 3, fidelity: null })).toBe(false);
  });

  it("never gates a step-down, an exit or a decision that keeps the tier", () => {
    expect(needsLowFidelityReason({ fromTier: 3, toTier: 2, fidelity: 0.2 })).toBe(false);
    expect(needsLowFidelityReason({ fromTier: 2, toTier: 1, fidelity: 0.2 })).toBe(false);
    expect(needsLowFidelityReason({ fromTier: 3, toTier: 3, fidelity: 0.2 })).toBe(false);
  });

  it("refuses without a reason, naming the field, and keeps the reason given", () => {
    const low = { fromTier: 2, toTier: 3, fidelity: 0.6 };
    expect(() => checkFidelityGate(low, undefined)).toThrow(UnprocessableError);
    expect(() => checkFidelityGate(low, "   ")).toThrow(UnprocessableError);
    try {
      checkFidelityGate(low, null);
    } catch (error) {
      expect((error as UnprocessableError).errors.map((e) => e.path)).toEqual([
        "lowFidelityReason",
      ]);
    }
    expect(checkFidelityGate(low, " Sessions resumed; the gap is not the cause. ")).toBe(
      "Sessions resumed; the gap is not the cause.",
    );
    expect(checkFidelityGate({ ...low, fidelity: 0.9 }, undefined)).toBeNull();
  });

  it("says the intervention was not delivered as planned", () => {
    expect(lowFidelityWarning(0.62)).toContain("Fidelity is 62 %, below 80 %");
    expect(lowFidelityWarning(0.62)).toContain("not delivered as planned");
  });
});
