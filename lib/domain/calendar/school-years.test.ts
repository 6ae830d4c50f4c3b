import { describe, expect, it } from "vitest";
import {
  carryOverJustification,
  checkRolloverChoices,
  closeSchoolYearSchema,
  followingYear,
  labelOfYearStarting,
  newSchoolYearSchema,
  summerDays,
} from "./school-years";

const Y2026 = { firstDay: "2026-08-17", lastDay: "2027-06-04" };
const Y2027 = { firstDay: "2027-08-16", lastDay: "2028-06-02" };

describe("summerDays", () => {
  it("is every day after a year's last day and before the next one's first", () => {
    const days = summerDays([Y2027, Y2026], "2027-06-01", "2027-08-20");
    expect(days[0]).toBe("2027-06-05");
    expect(days.at(-1)).toBe("2027-08-15");
    expect(days).toHaveLength(72);
    expect(days).not.toContain("2027-06-04");
    expect(days).not.toContain("2027-08-16");
  });

  it("keeps to the asked window", () => {
    expect(summerDays([Y2026, Y2027], "2027-07-01", "2027-07-03")).toEqual([
      "2027-07-01",
      "2027-07-02",
      "2027-07-03",
    ]);
    expect(summerDays([Y2026, Y2027], "2026-09-01", "2027-05-01")).toEqual([]);
  });

  it("ends the last year's summer on the anniversary of its first day when no year follows", () => {
    const days = summerDays([Y2026], "2027-06-01", "2027-09-30");
    expect(days[0]).toBe("2027-06-05");
    expect(days.at(-1)).toBe("2027-08-16");
  });

  it("does not close the years between a year and one entered far ahead", () => {
    const far = { firstDay: "2031-08-18", lastDay: "2032-06-04" };
    expect(summerDays([Y2026, far], "2028-01-01", "2028-01-31")).toEqual([]);
  });

  it("knows nothing before the first year", () => {
    expect(summerDays([Y2027], "2027-06-01", "2027-08-15")).toEqual([]);
  });

  it("takes a year starting on 29 February to 28 February", () => {
    const leap = { firstDay: "2028-02-29", lastDay: "2028-12-15" };
    expect(summerDays([leap], "2029-02-26", "2029-03-02")).toEqual(["2029-02-26", "2029-02-27"]);
  });
});

describe("the next year's suggestion and its name", () => {
  it("takes the same weekdays 52 weeks on and names it by its August", () => {
    expect(followingYear(Y2026)).toEqual({
      label: "2027-28",
      firstDay: "2027-08-16",
      lastDay: "2028-06-02",
    });
    expect(labelOfYearStarting("2026-08-17")).toBe("2026-27");
  });
});

describe("newSchoolYearSchema", () => {
  it("refuses a last day before the first and a year longer than a year", () => {
    const before = newSchoolYearSchema.safeParse({ firstDay: "2027-08-16", lastDay: "2027-08-01" });
    expect(before.error?.issues[0]?.path).toEqual(["lastDay"]);
    const long = newSchoolYearSchema.safeParse({ firstDay: "2027-08-16", lastDay: "2028-09-01" });
    expect(long.error?.issues[0]?.message).toBe("A school year lasts at most a year.");
    expect(
      newSchoolYearSchema.safeParse({ firstDay: "2027-02-30", lastDay: "2028-06-01" }).success,
    ).toBe(false);
  });
});

describe("checkRolloverChoices", () => {
  const a = "5d1b5a53-0a0a-4f3e-9a55-3c7fe0b6a001";
  const b = "5d1b5a53-0a0a-4f3e-9a55-3c7fe0b6a002";

  it("asks for one choice per group meeting after the last day", () => {
    const input = closeSchoolYearSchema.parse({ groups: [{ interventionId: a, outcome: "end" }] });
    expect(checkRolloverChoices([a, b], input)).toEqual([
      { path: `groups.${b}`, message: "Choose whether this group continues or ends." },
    ]);
    expect(checkRolloverChoices([a], input)).toEqual([]);
  });

  it("refuses a choice for a group that does not meet after it", () => {
    const input = closeSchoolYearSchema.parse({
      groups: [{ interventionId: b, outcome: "continue" }],
    });
    expect(checkRolloverChoices([], input)).toEqual([
      {
        path: "groups.0.interventionId",
        message: "This group does not meet after the year's last day.",
      },
    ]);
  });
});

describe("carryOverJustification", () => {
  it("names the years and what becomes of each group", () => {
    expect(
      carryOverJustification(3, "2026-27", "2027-28", [
        { name: "Intensive Reading", outcome: "continue" },
        { name: "Math Facts", outcome: "end" },
      ]),
    ).toBe(
      "Tier 3 carries over from 2026-27 into 2027-28 at the year-end rollover: Intensive Reading continues; Math Facts ends.",
    );
    expect(carryOverJustification(2, "2026-27", "2027-28", [])).toBe(
      "Tier 2 carries over from 2026-27 into 2027-28 at the year-end rollover.",
    );
  });
});
