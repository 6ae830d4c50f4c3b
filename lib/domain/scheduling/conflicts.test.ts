import { describe, expect, it } from "vitest";
import { findAlternatives, type ScheduleOption } from "./alternatives";
import { findConflicts, isDoubleBooking, type PlannedSlot, type ScheduleFacts } from "./conflicts";

const room = { id: "room-1", name: "Room 104", capacity: 4 };
const johnson = {
  id: "staff-1",
  name: "Ms. Johnson",
  workingHours: null,
  absences: [],
  caseloadCap: null,
  caseload: 0,
};
const emma = { id: "student-1", name: "Emma Wilson" };

/** A week with nothing in it: every check passes until a test adds its one fact. */
function facts(overrides: Partial<ScheduleFacts> = {}): ScheduleFacts {
  return {
    nonInstructionalDays: new Set(),
    room,
    staff: [johnson],
    students: [emma],
    resources: [],
    bookings: [],
    studentBusy: [],
    ...overrides,
  };
}

// Monday, Wednesday and Friday of one week, 10:00 for 30 minutes.
const week: PlannedSlot[] = ["2026-11-16", "2026-11-18", "2026-11-20"].map((date) => ({
  date,
  startTime: "10:00",
  minutes: 30,
}));

const booking = (date: string, startTime: string, endTime: string, holder: object) => ({
  date,
  startTime,
  endTime,
  interventionName: "Fluency Group B",
  ...holder,
});

describe("the conflict finder", () => {
  it("finds nothing in an empty week", () => {
    expect(findConflicts(week, facts())).toEqual([]);
  });

  it("names the room booked by another group, with the session's date and times", () => {
    const conflicts = findConflicts(
      week,
      facts({ bookings: [booking("2026-11-18", "09:45", "10:15", { roomId: "room-1" })] }),
    );
    expect(conflicts).toEqual([
      {
        kind: "room_booked",
        date: "2026-11-18",
        startTime: "10:00",
        endTime: "10:30",
        with: { type: "room", id: "room-1", name: "Room 104" },
        message: "Room 104 is booked for Fluency Group B (09:45–10:15).",
      },
    ]);
    expect(isDoubleBooking("room_booked")).toBe(true);
  });

  it("lets sessions touch at the minute: one ending at 10:00 and one starting then do not collide", () => {
    const touching = [
      booking("2026-11-16", "09:30", "10:00", { roomId: "room-1" }),
      booking("2026-11-16", "10:30", "11:00", { staffId: "staff-1" }),
    ];
    expect(findConflicts(week, facts({ bookings: touching }))).toEqual([]);
    const oneMinuteOver = [booking("2026-11-16", "09:30", "10:01", { staffId: "staff-1" })];
    expect(findConflicts(week, facts({ bookings: oneMinuteOver })).map((c) => c.kind)).toEqual([
      "facilitator_booked",
    ]);
  });

  it("does not count conflicts on a day without school", () => {
    const conflicts = findConflicts(
      week,
      facts({
        nonInstructionalDays: new Set(["2026-11-18"]),
        bookings: [booking("2026-11-18", "10:00", "10:30", { roomId: "room-1" })],
      }),
    );
    expect(conflicts).toEqual([]);
  });

  it("finds a facilitator outside their hours, on a day off and while away", () => {
    const hoursOnly = {
      ...johnson,
      workingHours: {
        MO: { startTime: "10:15", endTime: "15:00" },
        WE: { startTime: "08:00", endTime: "15:00" },
      },
      absences: [
        {
          kind: "training" as const,
          startsOn: "2026-11-18",
          endsOn: "2026-11-18",
          startTime: "09:00",
          endTime: "10:05",
        },
      ],
    };
    const messages = findConflicts(week, facts({ staff: [hoursOnly] })).map(
      (c) => `${c.kind} ${c.date} ${c.message}`,
    );
    expect(messages).toEqual([
      "facilitator_unavailable 2026-11-16 Ms. Johnson works 10:15–15:00 that day.",
      "facilitator_unavailable 2026-11-18 Ms. Johnson is away (training).",
      "facilitator_unavailable 2026-11-20 Ms. Johnson does not work that day.",
    ]);
  });

  it("checks the caseload cap and the room's size once for the whole plan", () => {
    const capped = { ...johnson, caseloadCap: 12, caseload: 12 };
    const conflicts = findConflicts(
      week,
      facts({
        staff: [capped],
        room: { ...room, capacity: 0 },
      }),
    );
    expect(conflicts.map((c) => [c.kind, c.date])).toEqual([
      ["room_too_small", null],
      ["caseload_exceeded", null],
    ]);
    const atTheCap = { ...johnson, caseloadCap: 13, caseload: 12 };
    expect(findConflicts(week, facts({ staff: [atTheCap] }))).toEqual([]);
  });

  it("names a student's class, protected block and other group, once each per session", () => {
    const conflicts = findConflicts(
      week,
      facts({
        studentBusy: [
          {
            studentId: "student-1",
            date: "2026-11-16",
            startTime: "09:50",
            endTime: "10:40",
            kind: "class",
            label: "Grade 3 Math",
          },
          {
            studentId: "student-1",
            date: "2026-11-18",
            startTime: "10:20",
            endTime: "11:00",
            kind: "protected",
            label: "Lunch",
          },
          {
            studentId: "student-1",
            date: "2026-11-20",
            startTime: "10:00",
            endTime: "10:30",
            kind: "intervention",
            label: "Fluency Group B",
          },
        ],
      }),
    );
    expect(conflicts.map((c) => `${c.kind}: ${c.message}`)).toEqual([
      "student_in_class: Emma Wilson is in Grade 3 Math (09:50–10:40).",
      "student_protected_time: Emma Wilson has protected time: Lunch (10:20–11:00).",
      "student_in_intervention: Emma Wilson is in another group, Fluency Group B (10:00–10:30).",
    ]);
  });

  it("lets a pool of six hold six at once and refuses the seventh", () => {
    const ipads = { id: "ipad", name: "iPads", pool: 6, wanted: 2 };
    const fourInUse = [1, 2, 3, 4].map(() =>
      booking("2026-11-16", "10:00", "10:30", { resourceId: "ipad" }),
    );
    expect(findConflicts(week, facts({ resources: [ipads], bookings: fourInUse }))).toEqual([]);
    const fiveInUse = [
      ...fourInUse,
      booking("2026-11-16", "10:15", "10:45", { resourceId: "ipad" }),
    ];
    const conflicts = findConflicts(week, facts({ resources: [ipads], bookings: fiveInUse }));
    expect(conflicts.map((c) => [c.kind, c.date, c.message])).toEqual([
      ["resource_at_capacity", "2026-11-16", "iPads: 5 of 6 in use then; this group needs 2."],
    ]);
    // Units used one after the other are not in use at the same time.
    const inTurn = [
      ...fourInUse.slice(0, 3),
      booking("2026-11-16", "09:00", "10:00", { resourceId: "ipad" }),
      booking("2026-11-16", "10:30", "11:00", { resourceId: "ipad" }),
    ];
    expect(findConflicts(week, facts({ resources: [ipads], bookings: inTurn }))).toEqual([]);
  });
});

describe("alternatives", () => {
  const proposed: ScheduleOption = {
    days: ["MO", "WE", "FR"],
    startTime: "10:00",
    minutes: 30,
    room,
  };
  // The series of an option: the same three dates, shifted to the option's weekdays.
  const offsets = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4 } as Record<string, number>;
  const slotsFor = (option: ScheduleOption): PlannedSlot[] =>
    option.days.map((day) => ({
      date: `2026-11-${16 + (offsets[day] ?? 0)}`,
      startTime: option.startTime,
      minutes: option.minutes,
    }));
  const window = { from: "08:00", to: "15:00" };

  it("offers the nearest ways first, whatever they change", () => {
    const roomTaken = facts({
      room: null,
      bookings: [
        booking("2026-11-16", "09:30", "10:30", { roomId: "room-1" }),
        booking("2026-11-18", "10:00", "10:45", { roomId: "room-1" }),
      ],
    });
    const found = findAlternatives({
      proposed,
      conflicts: findConflicts(slotsFor(proposed), { ...roomTaken, room }),
      slotsFor,
      facts: roomTaken,
      rooms: [{ id: "room-2", name: "Library", capacity: 8 }],
      window,
    });
    expect(
      found.map((a) => `${a.change} ${a.days.join(",")} ${a.startTime} ${a.roomName}`),
    ).toEqual([
      // A quarter hour later costs 3, like another room; an earlier time on the hour costs 4,
      // like two weekdays changed (Monday and Wednesday are the crowded days).
      "time MO,WE,FR 10:45 Room 104",
      "room MO,WE,FR 10:00 Library",
      "time MO,WE,FR 09:00 Room 104",
      "time MO,WE,FR 11:00 Room 104",
      "days TU,TH,FR 10:00 Room 104",
    ]);
  });

  it("asks for the other rooms only when the search comes to them, and then answers as if it had them", () => {
    const roomTaken = facts({
      room: null,
      bookings: [
        booking("2026-11-16", "09:30", "10:30", { roomId: "room-1" }),
        booking("2026-11-18", "10:00", "10:45", { roomId: "room-1" }),
      ],
    });
    const search = {
      proposed,
      conflicts: findConflicts(slotsFor(proposed), { ...roomTaken, room }),
      slotsFor,
      facts: roomTaken,
      window,
    };
    // 10:45 (cost 3) is found before the rooms (cost 3, after the times); a second one is not.
    expect(findAlternatives({ ...search, rooms: null, limit: 1 })?.map((a) => a.startTime)).toEqual(
      ["10:45"],
    );
    expect(findAlternatives({ ...search, rooms: null })).toBeNull();
    const rooms = [{ id: "room-2", name: "Library", capacity: 8 }];
    expect(findAlternatives({ ...search, rooms, limit: 1 })).toEqual(
      findAlternatives({ ...search, rooms: null, limit: 1 }),
    );
  });

  it("moves to other weekdays when no time of the day is free, and not to another room when the room is not the trouble", () => {
    const allDayMonday = facts({
      room: null,
      bookings: [booking("2026-11-16", "08:00", "15:00", { staffId: "staff-1" })],
    });
    const found = findAlternatives({
      proposed,
      conflicts: findConflicts(slotsFor(proposed), allDayMonday),
      slotsFor,
      facts: allDayMonday,
      rooms: [{ id: "room-2", name: "Library", capacity: 8 }],
      window,
    });
    expect(found.every((a) => a.change === "days" && !a.days.includes("MO"))).toBe(true);
    expect(found[0]?.days).toEqual(["TU", "WE", "FR"]);
    // Three of Tuesday to Friday: four ways.
    expect(found).toHaveLength(4);
  });

  it("offers nothing when nothing is free", () => {
    const fullWeek = facts({
      room: null,
      bookings: ["16", "17", "18", "19", "20"].map((d) =>
        booking(`2026-11-${d}`, "07:00", "16:00", { staffId: "staff-1" }),
      ),
    });
    expect(
      findAlternatives({ proposed, conflicts: [], slotsFor, facts: fullWeek, rooms: [], window }),
    ).toEqual([]);
  });
});
