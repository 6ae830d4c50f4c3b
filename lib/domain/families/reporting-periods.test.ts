import { describe, expect, it } from "vitest";
import { periodStart, periodsDue, upcomingPeriod } from "./reporting-periods";

const year = { schoolYearId: "y1", yearFirstDay: "2026-08-17" };
const q1 = { id: "q1", name: "Quarter 1", endsOn: "2026-10-16", ...year };
const q2 = { id: "q2", name: "Quarter 2", endsOn: "2027-01-15", ...year };
const next = {
  id: "n1",
  name: "Quarter 1",
  endsOn: "2027-10-15",
  schoolYearId: "y2",
  yearFirstDay: "2027-08-16",
};
const periods = [q2, next, q1];

describe("reporting periods", () => {
  it("run from the day after the previous period of the same year, or the year's first day", () => {
    expect(periodStart(periods, q1)).toBe("2026-08-17");
    expect(periodStart(periods, q2)).toBe("2026-10-17");
    expect(periodStart(periods, next)).toBe("2027-08-16");
  });

  it("are due from the day after they end, for three weeks", () => {
    expect(periodsDue(periods, "2026-10-16")).toEqual([]);
    expect(periodsDue(periods, "2026-10-17")).toEqual([q1]);
    expect(periodsDue(periods, "2026-11-06")).toEqual([q1]);
    expect(periodsDue(periods, "2026-11-07")).toEqual([]);
  });

  it("offer the first period not yet ended for a preview", () => {
    expect(upcomingPeriod(periods, "2026-10-16")).toEqual(q1);
    expect(upcomingPeriod(periods, "2026-10-17")).toEqual(q2);
    expect(upcomingPeriod(periods, "2028-01-01")).toBeNull();
  });
});
