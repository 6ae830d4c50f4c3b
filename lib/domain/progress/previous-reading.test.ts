import { describe, expect, it } from "vitest";
import { changeFromPrevious, latestByMeasure, previousReadingOf } from "./previous-reading";

const readings = [
  { name: "Fluency level", unit: "grade level", value: 2.8, date: "2026-10-28" },
  { name: "Words correct per minute", unit: "WCPM", value: 52, date: "2026-11-02" },
  { name: "fluency level", unit: "grade level", value: 3.0, date: "2026-11-11" },
];

describe("latestByMeasure", () => {
  it("keeps each measure's most recent reading", () => {
    expect(latestByMeasure(readings).map((r) => [r.name, r.value])).toEqual([
      ["fluency level", 3.0],
      ["Words correct per minute", 52],
    ]);
  });
});

describe("previousReadingOf", () => {
  it("finds the last reading of the measure being typed, whatever its case", () => {
    expect(previousReadingOf(readings, "Fluency Level")?.value).toBe(3.0);
  });

  it("finds nothing for a new measure or a blank name", () => {
    expect(previousReadingOf(readings, "Maze")).toBeNull();
    expect(previousReadingOf(readings, "  ")).toBeNull();
  });
});

describe("changeFromPrevious", () => {
  it("reads Scenario 4's values as the facilitator would say them", () => {
    expect(changeFromPrevious(3.2, 2.8)).toBe("up from 2.8");
    expect(changeFromPrevious(2.5, 2.8)).toBe("down from 2.8");
    expect(changeFromPrevious(2.8, 2.8)).toBe("same as last time (2.8)");
  });
});
