import { describe, expect, it } from "vitest";
import { followUpSchedule } from "./follow-up-schedule";

describe("followUpSchedule", () => {
  it("gives six weekly check-ins after the exit date", () => {
    expect(followUpSchedule("2025-12-12")).toEqual([
      "2025-12-19",
      "2025-12-26",
      "2026-01-02",
      "2026-01-09",
      "2026-01-16",
      "2026-01-23",
    ]);
  });

  it("takes another number of weeks", () => {
    expect(followUpSchedule("2025-10-31", 2)).toEqual(["2025-11-07", "2025-11-14"]);
    expect(followUpSchedule("2025-10-31", 0)).toEqual([]);
  });

  it("refuses a number that is not a count of weeks", () => {
    expect(() => followUpSchedule("2025-10-31", -1)).toThrow(RangeError);
    expect(() => followUpSchedule("2025-10-31", 1.5)).toThrow(RangeError);
  });
});
