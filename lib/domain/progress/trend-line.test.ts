import { describe, expect, it } from "vitest";
import { trendLine } from "./trend-line";

const start = "2025-09-01";

describe("trendLine", () => {
  it("is null with fewer than three scores", () => {
    expect(
      trendLine(
        [
          { date: "2025-09-08", value: 40 },
          { date: "2025-09-15", value: 42 },
        ],
        start,
      ),
    ).toBeNull();
  });

  it("measures its slope per week, not per day", () => {
    const trend = trendLine(
      [
        { date: "2025-09-08", value: 41 },
        { date: "2025-09-15", value: 44 },
        { date: "2025-09-22", value: 47 },
      ],
      start,
    );
    expect(trend?.slopePerWeek).toBeCloseTo(3, 12);
    expect(trend?.interceptAtStart).toBeCloseTo(38, 12);
    expect(trend?.valueAt("2025-10-27")).toBeCloseTo(62, 12);
    expect(trend?.scoreCount).toBe(3);
  });

  it("fits scores on irregular days and in any order", () => {
    const trend = trendLine(
      [
        { date: "2025-09-12", value: 47 },
        { date: "2025-09-03", value: 41 },
        { date: "2025-09-08", value: 44 },
      ],
      start,
    );
    expect(trend?.slopePerWeek).toBeGreaterThan(4);
    expect(trend?.slopePerWeek).toBeLessThan(5);
  });

  it("is null when every score shares one date", () => {
    expect(
      trendLine(
        [
          { date: "2025-09-08", value: 40 },
          { date: "2025-09-08", value: 42 },
          { date: "2025-09-08", value: 44 },
        ],
        start,
      ),
    ).toBeNull();
  });

  it("has a prediction error that widens further out", () => {
    const trend = trendLine(
      [
        { date: "2025-09-08", value: 40 },
        { date: "2025-09-15", value: 45 },
        { date: "2025-09-22", value: 44 },
        { date: "2025-09-29", value: 49 },
      ],
      start,
    );
    const near = trend?.predictionStandardErrorAt("2025-09-22") ?? 0;
    const far = trend?.predictionStandardErrorAt("2025-12-29") ?? 0;
    expect(near).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(near);
  });
});
