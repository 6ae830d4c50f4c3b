import { describe, expect, it } from "vitest";
import type { CreateInterventionFormValues } from "../interventions/schemas";
import { createInterventionSchema } from "../interventions/schemas";
import { DAYS_FOR_FREQUENCY, type TemplateForPrefill, templateToFormValues } from "./prefill";

const FACILITATOR = "6f9d2b4e-8a1c-4f3e-9b2d-1c5e7a9f0b3d";
const TEMPLATE_ID = "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

const blankForm: CreateInterventionFormValues = {
  name: "",
  tier: 2,
  focusArea: "",
  goal: "",
  description: "",
  startDate: "2026-11-23",
  durationWeeks: 8,
  schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
  facilitatorIds: [FACILITATOR],
  roomId: null,
  studentIds: [],
};

const mathFacts: TemplateForPrefill = {
  id: TEMPLATE_ID,
  name: "Tier 2 Math Facts Fluency",
  tier: 2,
  focusArea: "Math Facts Fluency",
  description: "Builds automatic recall of addition and multiplication facts.",
  durationWeeks: 10,
  daysPerWeek: 4,
  sessionMinutes: 20,
  activities: "Timed drills; fact families",
  goal: "40 facts correct per minute",
  entranceCriteria: "Below the 25th percentile on the fall math screener",
  exitCriteria: "40 facts per minute on 3 consecutive probes",
  resources: ["Flash cards", "Timer"],
};

describe("templateToFormValues", () => {
  it("fills the plan from the template and keeps what only the form knows", () => {
    const values = templateToFormValues(mathFacts, blankForm);
    expect(values).toEqual({
      ...blankForm,
      templateId: TEMPLATE_ID,
      name: "Tier 2 Math Facts Fluency",
      tier: 2,
      focusArea: "Math Facts Fluency",
      goal: "40 facts correct per minute",
      description: [
        "Builds automatic recall of addition and multiplication facts.",
        "Activities: Timed drills; fact families",
        "Resources: Flash cards, Timer",
        "Entrance: Below the 25th percentile on the fall math screener",
        "Exit: 40 facts per minute on 3 consecutive probes",
      ].join("\n"),
      durationWeeks: 10,
      schedule: { days: ["MO", "TU", "WE", "TH"], startTime: "10:00", minutes: 20 },
    });
  });

  it("gives values the create schema accepts, so the prefilled form can be saved as it is", () => {
    const parsed = createInterventionSchema.safeParse(templateToFormValues(mathFacts, blankForm));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.templateId).toBe(TEMPLATE_ID);
  });

  it("spreads each frequency over the school week", () => {
    expect(Object.values(DAYS_FOR_FREQUENCY).map((days) => days.length)).toEqual([1, 2, 3, 4, 5]);
    expect(templateToFormValues({ ...mathFacts, daysPerWeek: 2 }, blankForm).schedule.days).toEqual(
      ["TU", "TH"],
    );
  });

  it("leaves empty texts empty and cuts an over-long description to the form's limit", () => {
    const bare = templateToFormValues(
      {
        ...mathFacts,
        description: null,
        activities: null,
        goal: null,
        entranceCriteria: null,
        exitCriteria: null,
        resources: [],
      },
      blankForm,
    );
    expect(bare.description).toBe("");
    expect(bare.goal).toBe("");
    const long = templateToFormValues(
      { ...mathFacts, description: "word ".repeat(600) },
      blankForm,
    ).description;
    expect(long?.length).toBeLessThanOrEqual(2000);
    expect(long?.endsWith("…")).toBe(true);
  });
});
