import { describe, expect, it } from "vitest";
import {
  followUpDueDates,
  followUpSchedule,
  isFollowUpOverdue,
  isSchoolDay,
  nextSchoolDay,
} from "./follow-up-schedule";

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

describe("followUpDueDates", () => {
  it("keeps the weekly day when every one is a school day", () => {
    expect(followUpDueDates("2026-11-04", new Set())).toEqual([
      "2026-11-11",
      "2026-11-18",
      "2026-11-25",
      "2026-12-02",
      "2026-12-09",
      "2026-12-16",
    ]);
  });

  it("moves a check due on a holiday to the next school day", () => {
    // Thanksgiving Thursday and Friday off: the Thursday check moves to Monday.
    const holidays = new Set(["2026-11-26", "2026-11-27"]);
    expect(followUpDueDates("2026-11-19", holidays, 2)).toEqual(["2026-11-30", "2026-12-03"]);
  });

  it("never puts two checks on one day across a long break", () => {
    const winterBreak = new Set(
      ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25"].concat([
        "2026-12-28",
        "2026-12-29",
        "2026-12-30",
        "2026-12-31",
        "2027-01-01",
      ]),
    );
    expect(followUpDueDates("2026-12-14", winterBreak, 3)).toEqual([
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
    ]);
  });

  it("moves a weekend exit's checks to the Monday", () => {
    expect(followUpDueDates("2026-11-21", new Set(), 1)).toEqual(["2026-11-30"]);
  });
});

describe("isFollowUpOverdue", () => {
  it("is overdue only when still due after its day", () => {
    expect(isFollowUpOverdue({ status: "due", dueOn: "2026-11-17" }, "2026-11-18")).toBe(true);
    expect(isFollowUpOverdue({ status: "due", dueOn: "2026-11-18" }, "2026-11-18")).toBe(false);
    expect(isFollowUpOverdue({ status: "holding", dueOn: "2026-11-10" }, "2026-11-18")).toBe(false);
  });

  it("knows a school day", () => {
    expect(isSchoolDay("2026-11-18", new Set())).toBe(true);
    expect(isSchoolDay("2026-11-21", new Set())).toBe(false);
    expect(isSchoolDay("2026-11-18", new Set(["2026-11-18"]))).toBe(false);
    expect(nextSchoolDay("2026-11-21", new Set(["2026-11-23"]))).toBe("2026-11-24");
  });
});
