import { describe, expect, it } from "vitest";
import {
  editProgressNoteSchema,
  monitoringPlanSchema,
  progressNoteSchema,
  recordAttendanceSchema,
} from "./schemas";

const emma = "6f1c1d1e-3a5b-4c7d-8e9f-0a1b2c3d4e5f";
const liam = "7f1c1d1e-3a5b-4c7d-8e9f-0a1b2c3d4e5f";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("recordAttendanceSchema", () => {
  it("takes the documented request", () => {
    const parsed = recordAttendanceSchema.parse({
      records: [{ studentId: emma, status: "present" }],
      notes: "Focused on phonics blends.",
    });
    expect(parsed).toEqual({
      records: [{ studentId: emma, status: "present" }],
      notes: "Focused on phonics blends.",
    });
  });

  it("treats a blank reason as absent, and blank notes as notes cleared", () => {
    const parsed = recordAttendanceSchema.parse({
      records: [{ studentId: emma, status: "absent" }],
      notes: "  ",
      reason: "",
    });
    expect(parsed.notes).toBe("");
    expect(parsed.reason).toBeUndefined();
  });

  it("refuses an unknown status and a student marked twice", () => {
    expect(
      paths(recordAttendanceSchema.safeParse({ records: [{ studentId: emma, status: "late" }] })),
    ).toEqual(["records.0.status"]);
    expect(
      paths(
        recordAttendanceSchema.safeParse({
          records: [
            { studentId: emma, status: "present" },
            { studentId: emma, status: "absent" },
          ],
        }),
      ),
    ).toEqual(["records"]);
  });

  it("coerces probe scores typed in a form and refuses negative ones", () => {
    const parsed = recordAttendanceSchema.parse({
      records: [{ studentId: emma, status: "present" }],
      probeScores: [{ studentId: emma, value: "62" }],
    });
    expect(parsed.probeScores).toEqual([{ studentId: emma, value: 62 }]);
    expect(
      paths(
        recordAttendanceSchema.safeParse({
          records: [{ studentId: liam, status: "present" }],
          probeScores: [{ studentId: liam, value: -1 }],
        }),
      ),
    ).toEqual(["probeScores.0.value"]);
  });
});

describe("progressNoteSchema", () => {
  const scenario4 = {
    studentId: emma,
    date: "2025-10-15",
    observation: "Emma is showing improvement in decoding multisyllabic words",
    measure: { name: "Fluency level", value: 3.2, unit: "grade level" },
    nextSteps: "Continue current strategies, add comprehension focus",
    progressRating: "expected",
  };

  it("takes Scenario 4's note and shares it with the team by default", () => {
    expect(progressNoteSchema.parse(scenario4)).toEqual({
      ...scenario4,
      measure: { name: "Fluency level", value: 3.2, unit: "grade level" },
      visibility: "team",
    });
  });

  it("reads the form's blank measure fields as no measure", () => {
    const parsed = progressNoteSchema.parse({
      ...scenario4,
      measure: { name: "", value: "", unit: "" },
      progressRating: "",
      nextSteps: "",
    });
    expect(parsed.measure).toBeUndefined();
    expect(parsed.progressRating).toBeUndefined();
    expect(parsed.nextSteps).toBeUndefined();
  });

  it("accepts a note without any measure, from the API", () => {
    const { measure: _omitted, ...withoutMeasure } = scenario4;
    expect(progressNoteSchema.parse(withoutMeasure).measure).toBeUndefined();
    expect(progressNoteSchema.parse({ ...withoutMeasure, measure: null }).measure).toBeUndefined();
  });

  it("coerces a typed value and keeps an empty unit as null", () => {
    const parsed = progressNoteSchema.parse({
      ...scenario4,
      measure: { name: "Fluency level", value: "3.2", unit: "" },
    });
    expect(parsed.measure).toEqual({ name: "Fluency level", value: 3.2, unit: null });
  });

  it("asks for the missing half of a measure", () => {
    expect(
      paths(
        progressNoteSchema.safeParse({
          ...scenario4,
          measure: { name: "Fluency level", value: "" },
        }),
      ),
    ).toEqual(["measure.value"]);
    expect(
      paths(progressNoteSchema.safeParse({ ...scenario4, measure: { name: "", value: 3 } })),
    ).toEqual(["measure.name"]);
  });

  it("refuses an unknown rating or visibility, and an empty observation", () => {
    expect(
      paths(
        progressNoteSchema.safeParse({
          ...scenario4,
          progressRating: "great",
          visibility: "everyone",
          observation: " ",
        }),
      ).sort(),
    ).toEqual(["observation", "progressRating", "visibility"]);
  });
});

describe("editProgressNoteSchema", () => {
  it("requires a reason and the version being changed", () => {
    const result = editProgressNoteSchema.safeParse({
      date: "2025-10-15",
      observation: "Corrected.",
    });
    expect(paths(result).sort()).toEqual(["reason", "version"]);
  });
});

describe("monitoringPlanSchema", () => {
  it("takes a measure with an optional goal", () => {
    expect(
      monitoringPlanSchema.parse({
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        measureDirection: "higher",
        goalValue: "90",
        version: "1",
      }),
    ).toEqual({
      measureName: "Words correct per minute",
      measureUnit: "WCPM",
      measureDirection: "higher",
      goalValue: 90,
      version: 1,
    });
    expect(
      monitoringPlanSchema.parse({
        measureName: "Errors per minute",
        measureDirection: "lower",
        goalValue: "",
        version: 2,
      }).goalValue,
    ).toBeUndefined();
  });
});
