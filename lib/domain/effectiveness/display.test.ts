import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { roundEffectivenessForDisplay, roundStudentProgressForDisplay } from "./display";
import type { Effectiveness } from "./types";

const precise: Effectiveness = {
  attendanceRate: 0.8512,
  fidelity: 11 / 12,
  fidelityDetail: fidelity({
    sessionsScheduledToDate: 12,
    sessionsHeld: 11,
    minutesPlanned: 360,
    minutesDelivered: 330,
  }),
  preAverage: 45.04,
  currentAverage: 58.06,
  change: 13.02,
  studentsProgressing: { count: 5, total: 6, rate: 5 / 6 },
  projectedEndAverage: 67.96,
  staffHours: 11.999,
  studentHours: 50.04,
  costPerPoint: 12 / 13,
  cost: { staff: 479.996, resources: 120, total: 599.996, perStudent: 99.9993, perPoint: null },
  recommendation: "Continue for planned duration",
  nonResponders: [],
};

describe("roundEffectivenessForDisplay", () => {
  it("rounds rates to 2 decimals and scores and hours to 1", () => {
    expect(roundEffectivenessForDisplay(precise)).toEqual({
      ...precise,
      attendanceRate: 0.85,
      fidelity: 0.92,
      fidelityDetail: { ...precise.fidelityDetail, sessionRate: 0.92, minutesRate: 0.92 },
      preAverage: 45,
      currentAverage: 58.1,
      change: 13,
      studentsProgressing: { count: 5, total: 6, rate: 0.83 },
      projectedEndAverage: 68,
      staffHours: 12,
      studentHours: 50,
      costPerPoint: 0.92,
      cost: { staff: 480, resources: 120, total: 600, perStudent: 100, perPoint: null },
    });
  });

  it("leaves unknowns unknown and does not change its input", () => {
    const unknown = { ...precise, attendanceRate: null, cost: null, costPerPoint: null };
    const rounded = roundEffectivenessForDisplay(unknown);
    expect(rounded.attendanceRate).toBeNull();
    expect(rounded.cost).toBeNull();
    expect(unknown.staffHours).toBe(11.999);
  });
});

describe("roundStudentProgressForDisplay", () => {
  it("rounds a student's scores to 1 decimal, slopes and the chance to 2", () => {
    expect(
      roundStudentProgressForDisplay({
        studentId: "ana",
        scoreCount: 5,
        baseline: 45.04,
        latest: 51.96,
        trendSlopePerWeek: 1.2345,
        aimSlopePerWeek: 11 / 8,
        projectedEndScore: 63.333,
        probabilityOfReachingGoal: 0.8351,
        progressing: true,
        decision: null,
      }),
    ).toEqual({
      studentId: "ana",
      scoreCount: 5,
      baseline: 45,
      latest: 52,
      trendSlopePerWeek: 1.23,
      aimSlopePerWeek: 1.38,
      projectedEndScore: 63.3,
      probabilityOfReachingGoal: 0.84,
      progressing: true,
      decision: null,
    });
  });
});
