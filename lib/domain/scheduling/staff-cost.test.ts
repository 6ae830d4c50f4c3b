import { describe, expect, it } from "vitest";
import {
  costRoleOf,
  DEFAULT_HOURLY_STAFF_COSTS,
  hourlyStaffCostsFrom,
  hourlyStaffCostsSchema,
} from "./staff-cost";

describe("costRoleOf", () => {
  it.each([
    ["Reading Specialist", "specialist"],
    ["Reading Interventionist", "specialist"],
    ["School Counselor", "specialist"],
    ["Speech-Language Pathologist", "specialist"],
    ["Grade 3 Teacher", "teacher"],
    ["Instructional Aide", "paraprofessional"],
    ["Paraprofessional", "paraprofessional"],
    ["Teacher Assistant", "paraprofessional"],
    ["Principal", "administrator"],
    ["Director of Student Services", "administrator"],
  ] as const)("reads the title %s as %s", (title, role) => {
    expect(costRoleOf({ title, userRole: null })).toBe(role);
  });

  it("falls back on the sign-in role, then on the teacher rate", () => {
    expect(costRoleOf({ title: "Volunteer", userRole: "specialist" })).toBe("specialist");
    expect(costRoleOf({ title: null, userRole: "admin" })).toBe("administrator");
    expect(costRoleOf({ title: null, userRole: "facilitator" })).toBe("teacher");
    expect(costRoleOf({ title: null, userRole: null })).toBe("teacher");
  });

  it("lets the title win over the sign-in role", () => {
    expect(costRoleOf({ title: "Grade 2 Teacher", userRole: "specialist" })).toBe("teacher");
  });
});

describe("hourlyStaffCostsFrom", () => {
  it("defaults every role without a setting", () => {
    expect(hourlyStaffCostsFrom({})).toEqual(DEFAULT_HOURLY_STAFF_COSTS);
    expect(hourlyStaffCostsFrom(null)).toEqual(DEFAULT_HOURLY_STAFF_COSTS);
  });

  it("takes each valid value and defaults each bad one on its own", () => {
    expect(
      hourlyStaffCostsFrom({
        hourlyStaffCost: { teacher: 4200, specialist: -1, paraprofessional: "x" },
      }),
    ).toEqual({ ...DEFAULT_HOURLY_STAFF_COSTS, teacher: 4200 });
  });

  it("validates what an admin sends", () => {
    expect(hourlyStaffCostsSchema.safeParse(DEFAULT_HOURLY_STAFF_COSTS).success).toBe(true);
    expect(
      hourlyStaffCostsSchema.safeParse({ ...DEFAULT_HOURLY_STAFF_COSTS, teacher: 12.5 }).success,
    ).toBe(false);
  });
});
