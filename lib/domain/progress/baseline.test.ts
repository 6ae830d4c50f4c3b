import { describe, expect, it } from "vitest";
import { baseline } from "./baseline";

describe("baseline", () => {
  it("is the median of the first three scores by date", () => {
    const scores = [
      { date: "2025-09-29", value: 90 },
      { date: "2025-09-10", value: 44 },
      { date: "2025-09-12", value: 38 },
      { date: "2025-09-08", value: 41 },
    ];
    expect(baseline(scores)).toBe(41);
  });

  it("ignores the screening score once three scores exist", () => {
    const scores = [
      { date: "2025-09-08", value: 40 },
      { date: "2025-09-10", value: 42 },
      { date: "2025-09-12", value: 44 },
    ];
    expect(baseline(scores, 30)).toBe(42);
  });

  it("uses the screening score when fewer than three scores exist", () => {
    expect(baseline([{ date: "2025-09-08", value: 40 }], 35)).toBe(35);
    expect(baseline([], 0)).toBe(0);
  });

  it("falls back to the median of what exists without a screening score", () => {
    const scores = [
      { date: "2025-09-08", value: 40 },
      { date: "2025-09-10", value: 45 },
    ];
    expect(baseline(scores)).toBe(42.5);
    expect(baseline(scores, null)).toBe(42.5);
  });

  it("is unknown with neither scores nor screening", () => {
    expect(baseline([])).toBeNull();
  });
});
