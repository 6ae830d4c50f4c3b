import { describe, expect, it } from "vitest";
import { weekStartOf } from "../calendar/dates";
import {
  computeUtilization,
  instructionalDays,
  roundUtilization,
  type UtilizationTarget,
  utilizationCsv,
  utilizationPeriod,
  utilizationQuerySchema,
} from "./utilization";

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const ipads: UtilizationTarget = {
  key: "resource:ipad",
  id: "ipad",
  kind: "equipment",
  name: "iPad with reading apps",
  schoolId: null,
  schoolName: "District-wide",
  units: 6,
};
const room: UtilizationTarget = {
  key: "room:104",
  id: "104",
  kind: "room",
  name: "Room 104",
  schoolId: "s",
  schoolName: "Maple Grove Elementary",
  units: 1,
};

describe("weekStartOf and instructionalDays", () => {
  it("finds the Monday of a week", () => {
    expect(weekStartOf("2026-11-18")).toBe("2026-11-16");
    expect(weekStartOf("2026-11-16")).toBe("2026-11-16");
    expect(weekStartOf("2026-11-22")).toBe("2026-11-16");
  });

  it("keeps weekdays that are not closed", () => {
    expect(instructionalDays("2026-11-20", "2026-11-24", new Set(["2026-11-23"]))).toEqual([
      "2026-11-20",
      "2026-11-24",
    ]);
  });
});

describe("computeUtilization", () => {
  // Two full weeks less one closed day: 9 instructional days.
  const days = instructionalDays("2026-11-16", "2026-11-27", new Set(["2026-11-26"]));

  it("sets hours booked against units × 6 hours per instructional day, week by week", () => {
    const bookings = [
      // Two iPads for 30 minutes on Wednesday, overlapping a third for 15 minutes.
      {
        key: ipads.key,
        date: "2026-11-18",
        startMs: at("2026-11-18T15:00:00Z"),
        endMs: at("2026-11-18T15:30:00Z"),
      },
      {
        key: ipads.key,
        date: "2026-11-18",
        startMs: at("2026-11-18T15:00:00Z"),
        endMs: at("2026-11-18T15:30:00Z"),
      },
      {
        key: ipads.key,
        date: "2026-11-18",
        startMs: at("2026-11-18T15:15:00Z"),
        endMs: at("2026-11-18T15:45:00Z"),
      },
      // The next week: one iPad, one hour.
      {
        key: ipads.key,
        date: "2026-11-24",
        startMs: at("2026-11-24T15:00:00Z"),
        endMs: at("2026-11-24T16:00:00Z"),
      },
    ];
    const [row] = computeUtilization({ days, targets: [ipads], bookings });
    expect(row).toMatchObject({
      hoursBooked: 2.5,
      hoursAvailable: 9 * 6 * 6,
      peakUnits: 3,
      peakAt: at("2026-11-18T15:15:00Z"),
      idle: false,
    });
    expect(row?.weeks).toEqual([
      { weekStart: "2026-11-16", hoursBooked: 1.5, hoursAvailable: 5 * 6 * 6 },
      { weekStart: "2026-11-23", hoursBooked: 1, hoursAvailable: 4 * 6 * 6 },
    ]);
    expect(row?.utilization).toBeCloseTo(2.5 / 324, 10);
    expect(row?.averageWeeklyHoursBooked).toBe(1.25);
    expect(row?.averageWeeklyHoursAvailable).toBe(162);
  });

  it("frees a unit at the instant its booking ends (half-open ranges)", () => {
    const bookings = [
      { key: room.key, date: "2026-11-18", startMs: 0, endMs: HOUR },
      { key: room.key, date: "2026-11-18", startMs: HOUR, endMs: 2 * HOUR },
    ];
    const [row] = computeUtilization({ days, targets: [room], bookings });
    expect(row?.peakUnits).toBe(1);
    expect(row?.hoursBooked).toBe(2);
  });

  it("marks what nobody booked as idle", () => {
    const [idle] = computeUtilization({ days, targets: [room], bookings: [] });
    expect(idle).toMatchObject({ idle: true, hoursBooked: 0, peakUnits: 0, peakAt: null });
    expect(idle?.hoursAvailable).toBe(54);
  });

  it("leaves utilization unknown for a period with no school day", () => {
    const [row] = computeUtilization({ days: [], targets: [room], bookings: [] });
    expect(row?.utilization).toBeNull();
    expect(row?.weeks).toEqual([]);
  });

  it("rounds once for the edge and writes the CSV", () => {
    const [row] = computeUtilization({
      days,
      targets: [ipads],
      bookings: [{ key: ipads.key, date: "2026-11-18", startMs: 0, endMs: HOUR / 3 }],
    });
    const rounded = roundUtilization(row!);
    expect(rounded.hoursBooked).toBe(0.33);
    expect(rounded.utilization).toBe(0.001);
    expect(utilizationCsv([rounded])).toBe(
      "School,Kind,Name,Units,Hours booked,Hours available,Utilization %,Hours booked per week,Hours available per week,Peak units in use,Idle\r\n" +
        "District-wide,equipment,iPad with reading apps,6,0.33,324,0.1,0.17,162,1,no\r\n",
    );
  });
});

describe("utilizationPeriod and the query", () => {
  it("defaults to four weeks from this week's Monday", () => {
    expect(utilizationPeriod({}, "2026-11-18")).toEqual({ from: "2026-11-16", to: "2026-12-13" });
    expect(utilizationPeriod({ from: "2026-09-01" }, "2026-11-18")).toEqual({
      from: "2026-09-01",
      to: "2026-09-28",
    });
  });

  it("refuses an end before the start", () => {
    const parsed = utilizationQuerySchema.safeParse({ from: "2026-11-20", to: "2026-11-19" });
    expect(parsed.success).toBe(false);
  });
});
