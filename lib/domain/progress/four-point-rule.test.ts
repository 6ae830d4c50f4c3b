import { describe, expect, it } from "vitest";
import { aimLine } from "./aim-line";
import { fourPointRule } from "./four-point-rule";

// Aim: 40 at 2025-09-01 rising 2 a week, so 42, 44, 46, 48 … on the following Mondays.
const aim = aimLine({ baseline: 40, goal: 56, startDate: "2025-09-01", endDate: "2025-10-27" });
const mondays = ["2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-06"];

function scores(values: readonly number[]) {
  return values.map((value, index) => ({ date: mondays[index] ?? "", value }));
}

describe("fourPointRule", () => {
  it("needs four scores", () => {
    expect(fourPointRule(scores([50, 50, 50]), aim)).toBeNull();
  });

  it("sees four scores above the aim line as ahead", () => {
    expect(fourPointRule(scores([43, 45, 47, 49]), aim)).toBe("ahead");
  });

  it("sees four scores below the aim line as behind", () => {
    expect(fourPointRule(scores([41, 43, 45, 47]), aim)).toBe("behind");
  });

  it("looks only at the last four by date", () => {
    const lastFourAbove = scores([30, 45, 47, 49, 51]);
    expect(fourPointRule(lastFourAbove, aim)).toBe("ahead");
    expect(fourPointRule([...lastFourAbove].reverse(), aim)).toBe("ahead");
  });

  it("counts a score exactly on the line as neither, so the window is mixed", () => {
    expect(fourPointRule(scores([43, 45, 47, 48]), aim)).toBe("mixed");
    expect(fourPointRule(scores([41, 43, 46, 47]), aim)).toBe("mixed");
    expect(fourPointRule(scores([42, 44, 46, 48]), aim)).toBe("mixed");
  });

  it("reverses for a measure where lower is better", () => {
    const errors = aimLine({
      baseline: 10,
      goal: 2,
      startDate: "2025-09-01",
      endDate: "2025-10-27",
    });
    // Aim: 9, 8, 7, 6 errors.
    expect(fourPointRule(scores([8, 7, 6, 5]), errors, "lower")).toBe("ahead");
    expect(fourPointRule(scores([10, 9, 8, 7]), errors, "lower")).toBe("behind");
    expect(fourPointRule(scores([8, 7, 6, 6]), errors, "lower")).toBe("mixed");
  });
});
