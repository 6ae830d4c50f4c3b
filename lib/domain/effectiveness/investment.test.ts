import { describe, expect, it } from "vitest";
import { costOf, perPointOfGain, staffHours, studentHours } from "./investment";

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
  it("adds staff time and resources, per student and per point", () => {
    expect(
      costOf({
        staffHours: 12,
        hourlyCost: 40,
        resourceCosts: [100, 20],
        studentCount: 6,
        gain: 10,
      }),
    ).toEqual({ staff: 480, resources: 120, total: 600, perStudent: 100, perPoint: 60 });
  });

  it("gives no per-student cost without students", () => {
    expect(
      costOf({ staffHours: 1, hourlyCost: 40, resourceCosts: [], studentCount: 0, gain: null })
        .perStudent,
    ).toBeNull();
  });
});
