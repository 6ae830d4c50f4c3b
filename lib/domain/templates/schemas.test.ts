import { describe, expect, it } from "vitest";
import { createTemplateSchema, saveAsTemplateSchema, updateTemplateSchema } from "./schemas";

function messagesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
  );
}

const mathFacts = {
  name: "Tier 2 Math Facts Fluency",
  tier: 2,
  focusArea: "Math Facts Fluency",
  durationWeeks: 8,
  daysPerWeek: 3,
  sessionMinutes: 30,
  groupSize: { min: 3, max: 6 },
  activities: "Timed fact drills, strategy instruction",
  resources: ["Fact flash cards", "Timer"],
  measure: { name: "Facts correct per minute", unit: "facts/min" },
  goalValue: 40,
  goal: "40 facts correct per minute",
};

describe("createTemplateSchema", () => {
  it("answers an empty request with a plain message for every required field", () => {
    expect(messagesOf(createTemplateSchema.safeParse({}))).toEqual({
      name: "Give the template a name.",
      tier: "Choose a tier.",
      focusArea: "Name the focus area.",
      durationWeeks: "Enter the duration in weeks.",
      daysPerWeek: "Enter the sessions per week.",
      sessionMinutes: "Enter the session length in minutes.",
    });
  });

  it("reads a full template, defaulting the measure's direction and the resources", () => {
    const parsed = createTemplateSchema.parse({ ...mathFacts, resources: undefined });
    expect(parsed.measure).toEqual({
      name: "Facts correct per minute",
      unit: "facts/min",
      direction: "higher",
    });
    expect(parsed.resources).toEqual([]);
    expect(parsed.tier).toBe(2);
  });

  it("refuses a group size range that is upside down, and frequencies outside a school week", () => {
    expect(
      messagesOf(
        createTemplateSchema.safeParse({
          ...mathFacts,
          groupSize: { min: 6, max: 3 },
          daysPerWeek: 6,
        }),
      ),
    ).toEqual({
      "groupSize.max": "The smallest group cannot be larger than the largest.",
      daysPerWeek: "At most 5 days a week.",
    });
  });

  it("refuses a tier out of range in the form's words", () => {
    expect(messagesOf(createTemplateSchema.safeParse({ ...mathFacts, tier: 4 }))).toEqual({
      tier: "Tier is 1, 2 or 3.",
    });
  });
});

describe("updateTemplateSchema", () => {
  it("needs at least one field besides the version", () => {
    expect(messagesOf(updateTemplateSchema.safeParse({ version: 2 }))).toEqual({
      "(body)": "Send at least one field to change.",
    });
  });

  it("takes a partial change and the admin's share", () => {
    expect(updateTemplateSchema.parse({ version: 1, sessionMinutes: 25 })).toMatchObject({
      version: 1,
      sessionMinutes: 25,
    });
    expect(updateTemplateSchema.parse({ shareWithDistrict: true }).shareWithDistrict).toBe(true);
    expect(updateTemplateSchema.safeParse({ shareWithDistrict: false }).success).toBe(false);
  });
});

describe("saveAsTemplateSchema", () => {
  it("takes an optional name, trimmed", () => {
    expect(saveAsTemplateSchema.parse({})).toEqual({});
    expect(saveAsTemplateSchema.parse({ name: "  My plan " })).toEqual({ name: "My plan" });
    expect(messagesOf(saveAsTemplateSchema.safeParse({ name: " " }))).toEqual({
      name: "Give the template a name.",
    });
  });
});
