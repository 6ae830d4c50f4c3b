import { describe, expect, it } from "vitest";
import type { Alternative } from "./alternatives";
import {
  alternativeToFormValues,
  conflictWhen,
  describeAlternative,
  describeConflict,
  groupConflicts,
  mayOverride,
  scheduleCheckFromDetails,
  scheduleCheckRequest,
} from "./conflict-view";
import type { Conflict } from "./conflicts";

const room104 = { type: "room", id: "r-104", name: "Room 104" } as const;
const emma = { type: "student", id: "s-emma", name: "Emma Wilson" } as const;

const roomBooked = (date: string): Conflict => ({
  kind: "room_booked",
  date,
  startTime: "10:00",
  endTime: "10:30",
  with: room104,
  message: "Room 104 is booked for Phonics Group (10:00–10:30).",
});

const inClass: Conflict = {
  kind: "student_in_class",
  date: "2026-11-23",
  startTime: "10:00",
  endTime: "10:30",
  with: emma,
  message: "Emma Wilson is in Grade 3 Math (09:45–10:45).",
};

const tooSmall: Conflict = {
  kind: "room_too_small",
  date: null,
  startTime: null,
  endTime: null,
  with: room104,
  message: "Room 104 seats 8; the group has 9 students.",
};

const alternative: Alternative = {
  days: ["MO", "WE", "FR"],
  startTime: "10:45",
  roomId: "r-104",
  roomName: "Room 104",
  change: "time",
};

describe("groupConflicts", () => {
  it("groups by kind, double bookings first, each kind in date order", () => {
    const groups = groupConflicts([
      inClass,
      roomBooked("2026-11-25"),
      tooSmall,
      roomBooked("2026-11-23"),
    ]);
    expect(groups.map((g) => [g.kind, g.label, g.doubleBooking])).toEqual([
      ["room_booked", "Room already booked", true],
      ["student_in_class", "Student in class", false],
      ["room_too_small", "Room too small", false],
    ]);
    expect(groups[0]?.conflicts.map((c) => c.date)).toEqual(["2026-11-23", "2026-11-25"]);
  });

  it("answers nothing for no conflicts", () => {
    expect(groupConflicts([])).toEqual([]);
  });
});

describe("wording", () => {
  it("says when a session's conflict is, with the date written out", () => {
    expect(conflictWhen(roomBooked("2026-11-23"))).toBe("Mon, Nov 23, 2026, 10:00–10:30");
    expect(describeConflict(roomBooked("2026-11-23"))).toBe(
      "Mon, Nov 23, 2026, 10:00–10:30: Room 104 is booked for Phonics Group (10:00–10:30).",
    );
  });

  it("calls a conflict of no one session the whole plan's", () => {
    expect(conflictWhen(tooSmall)).toBe("The whole plan");
  });

  it("reads an alternative as days, time and room", () => {
    expect(describeAlternative(alternative)).toBe("Mon, Wed, Fri at 10:45 in Room 104");
    expect(
      describeAlternative({ ...alternative, days: ["TU", "TH"], roomId: null, roomName: null }),
    ).toBe("Tue, Thu at 10:45");
  });
});

describe("alternativeToFormValues", () => {
  it("sets the days, the start time and the room", () => {
    expect(alternativeToFormValues({ ...alternative, roomId: "r-2", change: "room" })).toEqual({
      days: ["MO", "WE", "FR"],
      startTime: "10:45",
      roomId: "r-2",
    });
  });

  it("copies the days, so the form never shares the answer's array", () => {
    const values = alternativeToFormValues(alternative);
    expect(values.days).not.toBe(alternative.days);
  });
});

describe("mayOverride", () => {
  it("offers a reason only where the district allows and no double booking is among them", () => {
    expect(mayOverride({ conflicts: [inClass], alternatives: [], overrideAllowed: true })).toBe(
      true,
    );
    expect(
      mayOverride({
        conflicts: [inClass, roomBooked("2026-11-23")],
        alternatives: [],
        overrideAllowed: true,
      }),
    ).toBe(false);
    expect(mayOverride({ conflicts: [inClass], alternatives: [], overrideAllowed: false })).toBe(
      false,
    );
    expect(mayOverride({ conflicts: [], alternatives: [], overrideAllowed: true })).toBe(false);
  });
});

describe("scheduleCheckFromDetails", () => {
  it("reads a 409's extensions", () => {
    expect(
      scheduleCheckFromDetails({
        conflicts: [inClass, { kind: "made_up", message: "x", with: emma }, null],
        alternatives: [alternative, { nonsense: true }],
        overrideAllowed: true,
      }),
    ).toEqual({ conflicts: [inClass], alternatives: [alternative], overrideAllowed: true });
  });

  it("is null for a refusal that is not about the schedule", () => {
    expect(scheduleCheckFromDetails(undefined)).toBeNull();
    expect(scheduleCheckFromDetails({ currentVersion: 3 })).toBeNull();
  });
});

describe("scheduleCheckRequest", () => {
  const filled = {
    startDate: "2026-11-23",
    durationWeeks: "8",
    schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: "30" },
    facilitatorIds: ["f-1"],
    roomId: "",
    studentIds: ["s-1"],
    resources: [
      { resourceId: "res-1", quantity: "2" },
      { resourceId: "", quantity: 1 },
    ],
  };

  it("is the check's body, numbers read and half-filled resources left out", () => {
    expect(scheduleCheckRequest(filled, "i-1")).toEqual({
      startDate: "2026-11-23",
      durationWeeks: 8,
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
      facilitatorIds: ["f-1"],
      roomId: null,
      studentIds: ["s-1"],
      resources: [{ resourceId: "res-1", quantity: 2 }],
      interventionId: "i-1",
    });
  });

  it("waits for a date, days, a time, the minutes and a facilitator", () => {
    expect(scheduleCheckRequest({ ...filled, startDate: "" })).toBeNull();
    expect(
      scheduleCheckRequest({ ...filled, schedule: { ...filled.schedule, days: [] } }),
    ).toBeNull();
    expect(
      scheduleCheckRequest({ ...filled, schedule: { ...filled.schedule, startTime: "10:" } }),
    ).toBeNull();
    expect(
      scheduleCheckRequest({ ...filled, schedule: { ...filled.schedule, minutes: "" } }),
    ).toBeNull();
    expect(scheduleCheckRequest({ ...filled, facilitatorIds: [] })).toBeNull();
  });
});
