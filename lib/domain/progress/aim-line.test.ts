import { describe, expect, it } from "vitest";
import { aimLine } from "./aim-line";

describe("aimLine", () => {
  const aim = aimLine({ baseline: 40, goal: 56, startDate: "2025-09-01", endDate: "2025-10-27" });

  it("rises from baseline to goal over the weeks between start and end", () => {
    expect(aim.slopePerWeek).toBe(2);
    expect(aim.startDate).toBe("2025-09-01");
  });

  it("passes through the baseline at the start and the goal at the end", () => {
    expect(aim.valueAt("2025-09-01")).toBe(40);
    expect(aim.valueAt("2025-10-27")).toBe(56);
    expect(aim.valueAt("2025-09-29")).toBe(48);
  });

  it("lands exactly on the goal for a span that is not whole weeks", () => {
    const odd = aimLine({ baseline: 45, goal: 68, startDate: "2025-09-08", endDate: "2025-10-31" });
    expect(odd.valueAt("2025-10-31")).toBe(68);
    expect(odd.slopePerWeek).toBeCloseTo(23 / (53 / 7), 12);
  });

  it("falls for a measure where lower is better", () => {
    const errors = aimLine({
      baseline: 10,
      goal: 2,
      startDate: "2025-09-01",
      endDate: "2025-10-27",
    });
    expect(errors.slopePerWeek).toBe(-1);
    expect(errors.valueAt("2025-09-15")).toBe(8);
  });

  it("extends past the end date", () => {
    expect(aim.valueAt("2025-11-10")).toBe(60);
  });

  it("refuses an end date that does not come after the start", () => {
    expect(() =>
      aimLine({ baseline: 40, goal: 56, startDate: "2025-09-01", endDate: "2025-09-01" }),
    ).toThrow(RangeError);
  });
});
