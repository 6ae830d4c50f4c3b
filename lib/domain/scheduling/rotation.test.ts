import { describe, expect, it } from "vitest";
import { type BellPeriod, rotationDayOn, sectionMeetings } from "./rotation";

// 2026-11-16 is a Monday.
const ab = { dayRotation: ["A", "B"], rotationStartsOn: "2026-11-16" };

describe("rotationDayOn", () => {
  it("is empty at a school without rotation or start date", () => {
    expect(rotationDayOn("2026-11-18", { dayRotation: [], rotationStartsOn: null }, [])).toBe("");
    expect(
      rotationDayOn("2026-11-18", { dayRotation: ["A", "B"], rotationStartsOn: null }, []),
    ).toBe("");
  });

  it("alternates over instructional days, skipping the weekend", () => {
    const days = ["16", "17", "18", "19", "20", "23", "24"].map((d) =>
      rotationDayOn(`2026-11-${d}`, ab, []),
    );
    expect(days).toEqual(["A", "B", "A", "B", "A", "B", "A"]);
    expect(rotationDayOn("2026-11-21", ab, [])).toBe("");
  });

  it("does not advance over a holiday in the middle of the rotation", () => {
    const off = new Set(["2026-11-18"]);
    expect(rotationDayOn("2026-11-17", ab, off)).toBe("B");
    expect(rotationDayOn("2026-11-18", ab, off)).toBe("");
    expect(rotationDayOn("2026-11-19", ab, off)).toBe("A");
    expect(rotationDayOn("2026-11-20", ab, off)).toBe("B");
    // Thanksgiving week: Thursday and Friday off.
    const thanksgiving = ["2026-11-26", "2026-11-27"];
    expect(rotationDayOn("2026-11-25", ab, thanksgiving)).toBe("B");
    expect(rotationDayOn("2026-11-26", ab, thanksgiving)).toBe("");
    expect(rotationDayOn("2026-11-30", ab, thanksgiving)).toBe("A");
  });

  it("counts backwards before the start date, consistently", () => {
    expect(rotationDayOn("2026-11-13", ab, [])).toBe("B");
    expect(rotationDayOn("2026-11-12", ab, [])).toBe("A");
    expect(rotationDayOn("2026-11-12", ab, ["2026-11-13"])).toBe("B");
    const abc = { dayRotation: ["A", "B", "C"], rotationStartsOn: "2026-11-16" };
    expect(rotationDayOn("2026-11-13", abc, [])).toBe("C");
    expect(rotationDayOn("2026-11-11", abc, [])).toBe("A");
  });

  it("starts at the first instructional day on or after a start that is no school day", () => {
    const fromSaturday = { dayRotation: ["A", "B"], rotationStartsOn: "2026-11-14" };
    expect(rotationDayOn("2026-11-16", fromSaturday, [])).toBe("A");
    expect(rotationDayOn("2026-11-13", fromSaturday, [])).toBe("B");
  });

  it("agrees with counting day by day over a whole year", () => {
    const off = ["2026-11-26", "2026-11-27", "2026-12-24", "2027-01-01"];
    let expected = 0;
    for (let i = 0; i < 300; i++) {
      const date = new Date(Date.UTC(2026, 10, 16 + i)).toISOString().slice(0, 10);
      const got = rotationDayOn(date, ab, off);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || off.includes(date)) {
        expect(got).toBe("");
        continue;
      }
      expect(got).toBe(expected % 2 === 0 ? "A" : "B");
      expected += 1;
    }
  });
});

const bell: BellPeriod[] = [
  { dayType: "", label: "HR", startTime: "07:45", endTime: "08:00" },
  { dayType: "", label: "1", startTime: "08:00", endTime: "08:50" },
  { dayType: "", label: "2", startTime: "08:55", endTime: "09:45" },
  { dayType: "B", label: "2", startTime: "10:00", endTime: "10:50" },
  { dayType: "", label: "1-2", startTime: "08:00", endTime: "09:45" },
  { dayType: "A", label: "3", startTime: "12:00", endTime: "12:50" },
];

describe("sectionMeetings", () => {
  it("gives the clock times of the section's periods, in order", () => {
    expect(sectionMeetings(["2", "HR"], bell, "")).toEqual({
      meetings: [
        { start: "07:45", end: "08:00", labels: ["HR"] },
        { start: "08:55", end: "09:45", labels: ["2"] },
      ],
      unmatched: [],
    });
  });

  it("takes the rotation day's period over the every-day one", () => {
    expect(sectionMeetings(["2"], bell, "B").meetings).toEqual([
      { start: "10:00", end: "10:50", labels: ["2"] },
    ]);
    expect(sectionMeetings(["2"], bell, "A").meetings).toEqual([
      { start: "08:55", end: "09:45", labels: ["2"] },
    ]);
  });

  it("reports a label with no bell time that day", () => {
    expect(sectionMeetings(["3", "7"], bell, "B")).toEqual({ meetings: [], unmatched: ["3", "7"] });
    expect(sectionMeetings(["3"], bell, "A").unmatched).toEqual([]);
  });

  it("merges overlapping periods into one meeting", () => {
    expect(sectionMeetings(["1", "1-2", "2"], bell, "")).toEqual({
      meetings: [{ start: "08:00", end: "09:45", labels: ["1", "1-2", "2"] }],
      unmatched: [],
    });
  });

  it("compares labels without case or spaces and counts a repeated label once", () => {
    expect(sectionMeetings([" hr ", "HR", ""], bell, "").meetings).toEqual([
      { start: "07:45", end: "08:00", labels: ["hr"] },
    ]);
  });
});
