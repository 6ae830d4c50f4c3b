import { describe, expect, it } from "vitest";
import { midpointOf, nextDecisionDue } from "./next-decision";
import { isPastMidpoint } from "./recommendation-reason";

// An 8-week group: 2026-10-19 (Monday) to 2026-12-11 (Friday), 53 days apart.
const start = "2026-10-19";
const end = "2026-12-11";

describe("midpointOf", () => {
  it("is the last day not yet past the midpoint", () => {
    const midpoint = midpointOf(start, end);
    expect(midpoint).toBe("2026-11-14");
    expect(isPastMidpoint(start, end, midpoint)).toBe(false);
    expect(isPastMidpoint(start, end, "2026-11-15")).toBe(true);
  });

  it("is the start itself for a one-day group", () => {
    expect(midpointOf("2026-11-18", "2026-11-18")).toBe("2026-11-18");
  });

  it("falls on the middle day of an even span", () => {
    expect(midpointOf("2026-11-02", "2026-11-06")).toBe("2026-11-04");
  });
});

describe("nextDecisionDue", () => {
  it("is the midpoint review until the midpoint, that day included", () => {
    // The midpoint, Saturday 14 November, is no school day: the review is due the Friday before.
    expect(nextDecisionDue(start, end, "2026-10-01")).toEqual({
      kind: "midpoint-review",
      date: "2026-11-13",
      overdue: false,
    });
    expect(nextDecisionDue(start, end, "2026-11-14").kind).toBe("midpoint-review");
  });

  it("is the end-of-intervention decision after the midpoint", () => {
    expect(nextDecisionDue(start, end, "2026-11-18")).toEqual({
      kind: "end-review",
      date: end,
      overdue: false,
    });
    expect(nextDecisionDue(start, end, end).overdue).toBe(false);
  });

  it("is overdue once the end date has passed on a group still active", () => {
    expect(nextDecisionDue(start, end, "2026-12-14")).toEqual({
      kind: "end-review",
      date: end,
      overdue: true,
    });
  });
});
