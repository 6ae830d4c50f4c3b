import { describe, expect, it } from "vitest";
import { latestScore, sortByDate } from "./score";

describe("sortByDate", () => {
  it("orders oldest first and keeps same-day scores in recorded order", () => {
    const scores = [
      { date: "2025-09-22", value: 3 },
      { date: "2025-09-15", value: 1 },
      { date: "2025-09-22", value: 4 },
      { date: "2025-09-15", value: 2 },
    ];
    expect(sortByDate(scores).map((score) => score.value)).toEqual([1, 2, 3, 4]);
    expect(scores[0]?.value).toBe(3);
  });
});

describe("latestScore", () => {
  it("is the score with the latest date", () => {
    expect(
      latestScore([
        { date: "2025-10-06", value: 58 },
        { date: "2025-09-15", value: 41 },
      ]),
    ).toEqual({ date: "2025-10-06", value: 58 });
  });

  it("is null without scores", () => {
    expect(latestScore([])).toBeNull();
  });
});
