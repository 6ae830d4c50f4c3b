import { describe, expect, it } from "vitest";
import { groupAverageByWeek } from "./group-average";

const START = "2025-09-01";

describe("groupAverageByWeek", () => {
  it("has no points without scores, rather than a zero", () => {
    expect(groupAverageByWeek([], START)).toEqual([]);
    expect(groupAverageByWeek([{ scores: [] }, { scores: [] }], START)).toEqual([]);
  });

  it("averages the students measured each week, dated on the week's latest reading", () => {
    const points = groupAverageByWeek(
      [
        { scores: [{ date: "2025-09-02", value: 40 }] },
        { scores: [{ date: "2025-09-04", value: 50 }] },
        { scores: [{ date: "2025-09-09", value: 60 }] },
      ],
      START,
    );
    expect(points).toEqual([
      { week: 0, date: "2025-09-04", average: 45, studentsMeasured: 2 },
      { week: 1, date: "2025-09-09", average: 60, studentsMeasured: 1 },
    ]);
  });

  it("counts a student read twice in one week once, at the mean of their readings", () => {
    const points = groupAverageByWeek(
      [
        {
          scores: [
            { date: "2025-09-01", value: 10 },
            { date: "2025-09-03", value: 20 },
          ],
        },
        { scores: [{ date: "2025-09-05", value: 45 }] },
      ],
      START,
    );
    expect(points).toEqual([{ week: 0, date: "2025-09-05", average: 30, studentsMeasured: 2 }]);
  });

  it("puts a reading before the start date in a week before week 0, in order", () => {
    const points = groupAverageByWeek(
      [
        {
          scores: [
            { date: "2025-09-10", value: 30 },
            { date: "2025-08-29", value: 20 },
          ],
        },
      ],
      START,
    );
    expect(points.map((p) => [p.week, p.average])).toEqual([
      [-1, 20],
      [1, 30],
    ]);
  });
});
