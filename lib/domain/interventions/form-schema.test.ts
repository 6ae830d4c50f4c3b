import { describe, expect, it } from "vitest";
import {
  type InterventionFormInput,
  interventionFormSchema,
  interventionUpdateBody,
} from "./form-schema";

const FACILITATOR_A = "0b7c1c62-7a51-4f4e-9a0e-3f3a4b0f0a01";
const FACILITATOR_B = "0b7c1c62-7a51-4f4e-9a0e-3f3a4b0f0a02";
const ROOM = "0b7c1c62-7a51-4f4e-9a0e-3f3a4b0f0a03";
const IPADS = "0b7c1c62-7a51-4f4e-9a0e-3f3a4b0f0a04";
const BOOKS = "0b7c1c62-7a51-4f4e-9a0e-3f3a4b0f0a05";

const group: InterventionFormInput = interventionFormSchema.parse({
  name: "Phonics Group",
  tier: 2,
  focusArea: "Reading Fluency",
  goal: "",
  description: "Blends.",
  startDate: "2026-10-26",
  durationWeeks: 8,
  schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
  facilitatorIds: [FACILITATOR_A, FACILITATOR_B],
  roomId: ROOM,
  studentIds: [],
  resources: [
    { resourceId: IPADS, quantity: 2 },
    { resourceId: BOOKS, quantity: 1 },
  ],
});

describe("interventionFormSchema", () => {
  it("reads resource quantities typed as text", () => {
    const parsed = interventionFormSchema.parse({
      ...group,
      resources: [{ resourceId: IPADS, quantity: "3" }],
    });
    expect(parsed.resources).toEqual([{ resourceId: IPADS, quantity: 3 }]);
  });

  it("refuses a resource twice and a quantity of none", () => {
    const twice = interventionFormSchema.safeParse({
      ...group,
      resources: [
        { resourceId: IPADS, quantity: 1 },
        { resourceId: IPADS, quantity: 2 },
      ],
    });
    expect(twice.success).toBe(false);
    const none = interventionFormSchema.safeParse({
      ...group,
      resources: [{ resourceId: IPADS, quantity: 0 }],
    });
    expect(none.success).toBe(false);
  });
});

describe("interventionUpdateBody", () => {
  it("sends only the version when nothing changed, whatever the order of sets", () => {
    const reordered = {
      ...group,
      facilitatorIds: [FACILITATOR_B, FACILITATOR_A],
      resources: [...group.resources].reverse(),
    };
    expect(interventionUpdateBody(group, reordered, 4)).toEqual({ version: 4 });
  });

  it("sends the whole schedule when its time changed, and the room", () => {
    const after = {
      ...group,
      schedule: { ...group.schedule, startTime: "10:45" },
      roomId: null,
    };
    expect(interventionUpdateBody(group, after, 4)).toEqual({
      version: 4,
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:45", minutes: 30 },
      roomId: null,
    });
  });

  it("never sends the tier, the students or the template, and adds a reason to override", () => {
    const after = { ...group, tier: 3, studentIds: [FACILITATOR_A], durationWeeks: 10 };
    expect(
      interventionUpdateBody(group, after, 2, "  Only slot the reading room is free  "),
    ).toEqual({
      version: 2,
      durationWeeks: 10,
      override: { reason: "Only slot the reading room is free" },
    });
  });
});
