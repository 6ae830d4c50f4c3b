import { describe, expect, it } from "vitest";
import {
  createInterventionRequestSchema,
  createInterventionSchema,
  enrollStudentsSchema,
} from "./schemas";

function messagesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
  );
}

describe("createInterventionSchema", () => {
  it("answers an empty request with a plain-language message for every required field", () => {
    const messages = messagesOf(createInterventionSchema.safeParse({}));
    expect(messages).toEqual({
      name: "Give the intervention a name.",
      tier: "Choose a tier.",
      focusArea: "Name the focus area.",
      startDate: "Enter a date as YYYY-MM-DD.",
      durationWeeks: "Enter the duration in weeks.",
      schedule: "Give the schedule: weekdays, start time and minutes.",
      facilitatorIds: "Pick a facilitator.",
    });
  });

  it("explains each part of a schedule that is wrong", () => {
    const messages = messagesOf(
      createInterventionSchema.safeParse({
        name: "Reading",
        tier: 2,
        focusArea: "Fluency",
        startDate: "2026-11-30",
        durationWeeks: 8,
        schedule: { days: ["MO", "MO"], startTime: "25:00", minutes: 3 },
        facilitatorIds: ["0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11"],
      }),
    );
    expect(messages).toEqual({
      "schedule.days": "Each weekday only once.",
      "schedule.startTime": "Enter a start time as HH:MM, e.g. 10:00.",
      "schedule.minutes": "Sessions last at least 5 minutes.",
    });
  });

  it("accepts the Scenario 1 group and leaves its students optional", () => {
    const result = createInterventionSchema.safeParse({
      name: " Small Group Reading - Tier 2 ",
      tier: "2",
      focusArea: "Reading Fluency",
      startDate: "2026-11-30",
      durationWeeks: "8",
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: "30" },
      facilitatorIds: ["0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11"],
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      name: "Small Group Reading - Tier 2",
      tier: 2,
      durationWeeks: 8,
      studentIds: [],
    });
  });
});

describe("createInterventionRequestSchema", () => {
  const group = {
    name: "Small Group Reading - Tier 2",
    tier: 2,
    focusArea: "Reading Fluency",
    startDate: "2026-11-30",
    durationWeeks: 8,
    schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
  };
  const johnson = "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11";
  const kim = "5d0a9c1e-7f1b-4c3e-8a2d-1e9b7c6a5f44";

  it("takes one facilitator as facilitatorId", () => {
    const result = createInterventionRequestSchema.safeParse({ ...group, facilitatorId: johnson });
    expect(result.data?.facilitatorIds).toEqual([johnson]);
  });

  it("prefers the list when both are sent, and still asks for a facilitator when neither is", () => {
    const both = createInterventionRequestSchema.safeParse({
      ...group,
      facilitatorId: johnson,
      facilitatorIds: [kim],
    });
    expect(both.data?.facilitatorIds).toEqual([kim]);
    expect(messagesOf(createInterventionRequestSchema.safeParse(group))).toEqual({
      facilitatorIds: "Pick a facilitator.",
    });
    expect(
      messagesOf(createInterventionRequestSchema.safeParse({ ...group, facilitatorId: "johnson" })),
    ).toEqual({
      "facilitatorIds.0": "Pick a facilitator from the list.",
      facilitatorId: "Pick a facilitator from the list.",
    });
  });
});

describe("enrollStudentsSchema", () => {
  it("refuses a missing or repeated student list", () => {
    expect(messagesOf(enrollStudentsSchema.safeParse({}))).toEqual({
      studentIds: "Pick at least one student.",
    });
    const id = "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11";
    expect(messagesOf(enrollStudentsSchema.safeParse({ studentIds: [id, id] }))).toEqual({
      studentIds: "Each student only once.",
    });
  });
});
