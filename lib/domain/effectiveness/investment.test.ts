import { describe, expect, it } from "vitest";
import { costOf, perPointOfGain, spentOf, staffHours, studentHours } from "./investment";

describe("staffHours", () => {
  it("counts every facilitator's time in held sessions", () => {
    expect(staffHours(12, 30, 2)).toBe(12);
    expect(staffHours(24, 45, 1)).toBe(18);
  });
});

describe("studentHours", () => {
  it("counts the minutes of present and tardy students", () => {
    expect(studentHours({ present: 96, tardy: 6, absent: 18, excused: 4 }, 30)).toBe(51);
  });
});

describe("perPointOfGain", () => {
  it("divides by the gain", () => {
    expect(perPointOfGain(12, 13)).toBeCloseTo(0.923, 3);
  });

  it("is unknown without a gain", () => {
    expect(perPointOfGain(12, 0)).toBeNull();
    expect(perPointOfGain(12, -4)).toBeNull();
    expect(perPointOfGain(12, null)).toBeNull();
    expect(perPointOfGain(12, 1e-13)).toBeNull();
  });
});

describe("costOf", () => {
  it("turns the cents spent into dollars, per student and per point of gain", () => {
    expect(
      costOf({ spent: { staffCents: 48_000, resourceCents: 12_000 }, studentCount: 6, gain: 10 }),
    ).toEqual({ staff: 480, resources: 120, total: 600, perStudent: 100, perPoint: 60 });
  });

  it("gives a cost per point only for a positive gain", () => {
    const spent = { staffCents: 48_750, resourceCents: 298 };
    expect(costOf({ spent, studentCount: 4, gain: 8 }).perPoint).toBeCloseTo(490.48 / 8, 12);
    expect(costOf({ spent, studentCount: 4, gain: 0 }).perPoint).toBeNull();
    expect(costOf({ spent, studentCount: 4, gain: -2.5 }).perPoint).toBeNull();
    expect(costOf({ spent, studentCount: 4, gain: null }).perPoint).toBeNull();
    expect(costOf({ spent, studentCount: 4, gain: 8 }).perStudent).toBeCloseTo(122.62, 12);
  });

  it("gives no per-student cost without students", () => {
    expect(
      costOf({ spent: { staffCents: 4_000, resourceCents: 0 }, studentCount: 0, gain: null })
        .perStudent,
    ).toBeNull();
  });
});

describe("spentOf", () => {
  it("splits a budget's lines into staff and everything else", () => {
    expect(
      spentOf({
        lines: [
          { ingredient: "staff", name: "A", cents: 48_750, detail: "" },
          { ingredient: "staff", name: "B", cents: 1_250, detail: "" },
          { ingredient: "equipment", name: "iPad", cents: 298, detail: "" },
          { ingredient: "licence", name: "RM", cents: 1_000, detail: "" },
          { ingredient: "free", name: "Tiles", cents: 0, detail: "" },
        ],
      }),
    ).toEqual({ staffCents: 50_000, resourceCents: 1_298 });
  });
});
