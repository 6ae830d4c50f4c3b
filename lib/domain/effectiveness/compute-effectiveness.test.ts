import { describe, expect, it } from "vitest";
import { addDays } from "../progress";
import { computeEffectiveness } from "./compute-effectiveness";
import { roundEffectivenessForDisplay } from "./display";
import type { EffectivenessInput, StudentSeries } from "./types";

const startDate = "2025-09-08";

/** Weekly scores on a straight line: intercept at the start date, then `perWeek` a week. */
function weeklyLine(intercept: number, perWeek: number, weeks: number) {
  return Array.from({ length: weeks }, (_, index) => ({
    date: addDays(startDate, 7 * (index + 1)),
    value: intercept + perWeek * (index + 1),
  }));
}

// Scenario 6: four weeks into an eight-week intervention. Five students gain 3 points a week, one
// stays flat; the mean of the lines is 48 + 2.5 a week, so 58 now and 68 at the end.
const scenario6Students: StudentSeries[] = [
  { studentId: "s1", baseline: 41, scores: weeklyLine(44, 3, 4) },
  { studentId: "s2", baseline: 43, scores: weeklyLine(46, 3, 4) },
  { studentId: "s3", baseline: 45, scores: weeklyLine(48, 3, 4) },
  { studentId: "s4", baseline: 47, scores: weeklyLine(50, 3, 4) },
  { studentId: "s5", baseline: 49, scores: weeklyLine(52, 3, 4) },
  { studentId: "s6", baseline: 45, scores: weeklyLine(48, 0, 4) },
];

const scenario6: EffectivenessInput = {
  students: scenario6Students,
  goal: 65,
  startDate,
  endDate: "2025-11-03",
  today: "2025-10-06",
  attendance: { present: 96, tardy: 6, absent: 18, excused: 4 },
  sessionsScheduledToDate: 12,
  sessionsHeld: 12,
  minutesPerSession: 30,
  facilitatorCount: 2,
  benchmarkCut: 50,
};

describe("computeEffectiveness: Scenario 6", () => {
  const result = computeEffectiveness(scenario6);

  it("reports attendance and fidelity", () => {
    expect(result.attendanceRate).toBe(0.85);
    expect(result.fidelity).toBe(1);
    expect(result.fidelityDetail.trusted).toBe(true);
  });

  it("reports pre 45, current 58, up 13", () => {
    expect(result.preAverage).toBe(45);
    expect(result.currentAverage).toBe(58);
    expect(result.change).toBe(13);
  });

  it("counts 5 of 6 students progressing", () => {
    expect(result.studentsProgressing.count).toBe(5);
    expect(result.studentsProgressing.total).toBe(6);
    expect(result.studentsProgressing.rate).toBeCloseTo(5 / 6, 12);
  });

  it("projects 68 at the end", () => {
    expect(result.projectedEndAverage).toBeCloseTo(68, 10);
  });

  it("weighs hours invested against the gain", () => {
    expect(result.staffHours).toBe(12);
    expect(result.studentHours).toBe(51);
    expect(result.costPerPoint).toBeCloseTo(12 / 13, 12);
    expect(result.cost).toBeNull();
  });

  it("recommends continuing and flags nobody four weeks in", () => {
    expect(result.recommendation).toBe("Continue for planned duration");
    expect(result.nonResponders).toEqual([]);
  });

  it("shows the api's figures once rounded for display", () => {
    expect(roundEffectivenessForDisplay(result)).toMatchObject({
      attendanceRate: 0.85,
      fidelity: 1,
      preAverage: 45,
      currentAverage: 58,
      change: 13,
      studentsProgressing: { count: 5, total: 6, rate: 0.83 },
      projectedEndAverage: 68,
      staffHours: 12,
      costPerPoint: 0.92,
      recommendation: "Continue for planned duration",
      nonResponders: [],
    });
  });
});

describe("computeEffectiveness: money", () => {
  it("gives the money spent, per student and per point of gain, when it is known", () => {
    const { cost } = computeEffectiveness({
      ...scenario6,
      spent: { staffCents: 48_000, resourceCents: 12_000 },
    });
    expect(cost?.staff).toBe(480);
    expect(cost?.resources).toBe(120);
    expect(cost?.total).toBe(600);
    expect(cost?.perStudent).toBe(100);
    expect(cost?.perPoint).toBeCloseTo(600 / 13, 12);
  });

  it("gives no money figures without the money spent (staff hours stand for cost)", () => {
    const result = computeEffectiveness(scenario6);
    expect(result.cost).toBeNull();
    expect(result.costPerPoint).toBeCloseTo(result.staffHours / 13, 12);
  });

  it("gives no price per point when the average has not improved", () => {
    const flat = scenario6Students.map((student) => ({
      ...student,
      scores: weeklyLine(student.baseline ?? 0, 0, 4),
    }));
    const result = computeEffectiveness({
      ...scenario6,
      students: flat,
      spent: { staffCents: 48_000, resourceCents: 0 },
    });
    expect(result.change).toBe(0);
    expect(result.costPerPoint).toBeNull();
    expect(result.cost?.perPoint).toBeNull();
  });
});

describe("computeEffectiveness: fidelity", () => {
  it("recommends improving delivery when fewer than 80% of sessions were held", () => {
    const result = computeEffectiveness({ ...scenario6, sessionsHeld: 9 });
    expect(result.fidelity).toBe(0.75);
    expect(result.recommendation).toBe(
      "Improve attendance and fidelity before changing the intervention",
    );
  });

  it("reports the lower rate when sessions ran short", () => {
    const result = computeEffectiveness({ ...scenario6, minutesDelivered: 300 });
    expect(result.fidelityDetail.sessionRate).toBe(1);
    expect(result.fidelityDetail.minutesRate).toBeCloseTo(300 / 360, 12);
    expect(result.fidelity).toBeCloseTo(300 / 360, 12);
  });
});

describe("computeEffectiveness: non-responders and escalation", () => {
  // Six weeks in with 6 weekly scores. Each aim runs from the baseline to 65 over 8 weeks.
  const sixWeeksIn: EffectivenessInput = {
    ...scenario6,
    today: "2025-10-20",
    sessionsScheduledToDate: 18,
    sessionsHeld: 18,
    students: [
      { studentId: "on-track", baseline: 40, scores: weeklyLine(40, 3.5, 6) },
      { studentId: "low-and-slow", baseline: 40, scores: weeklyLine(40, 1, 6) },
      { studentId: "slow-but-above", baseline: 60, scores: weeklyLine(60, 0.5, 6) },
      // Latest 49.2 is below the benchmark, but 8.2 a week beats the aim of 65 / 8 = 8.125.
      { studentId: "low-but-fast", baseline: 0, scores: weeklyLine(0, 8.2, 6) },
    ],
  };

  it("flags only the student with low level and low growth", () => {
    const result = computeEffectiveness(sixWeeksIn);
    expect(result.nonResponders).toEqual([
      {
        studentId: "low-and-slow",
        reason:
          "Latest score 46 is short of the benchmark of 50, and the trend of 1 per week is slower than the aim of 3.13 per week: review for tier escalation.",
      },
    ]);
  });

  it("flags nobody while delivery falls short", () => {
    expect(computeEffectiveness({ ...sixWeeksIn, sessionsHeld: 14 }).nonResponders).toEqual([]);
  });

  it("flags nobody before six weeks", () => {
    expect(computeEffectiveness({ ...sixWeeksIn, today: "2025-10-19" }).nonResponders).toEqual([]);
  });

  it("recommends modifying when fewer than half progress past the midpoint", () => {
    const stalled = sixWeeksIn.students.map((student, index) => ({
      ...student,
      scores: weeklyLine(student.baseline ?? 0, index === 0 ? 1 : -0.5, 5),
    }));
    const result = computeEffectiveness({ ...sixWeeksIn, students: stalled, today: "2025-10-13" });
    expect(result.studentsProgressing.rate).toBe(0.25);
    expect(result.recommendation).toBe("Modify or intensify the intervention");
  });
});

describe("computeEffectiveness: lower is better", () => {
  it("counts a fall in errors as progress and as gain", () => {
    const result = computeEffectiveness({
      ...scenario6,
      direction: "lower",
      goal: 2,
      benchmarkCut: 3,
      students: [
        { studentId: "e1", baseline: 10, scores: weeklyLine(10, -1, 4) },
        { studentId: "e2", baseline: 12, scores: weeklyLine(12, -2, 4) },
      ],
    });
    // Baselines average 11, latest scores (6 and 4) average 5.
    expect(result.change).toBe(-6);
    expect(result.studentsProgressing.count).toBe(2);
    expect(result.costPerPoint).toBe(2);
  });
});

describe("computeEffectiveness: nothing yet", () => {
  it("gives unknowns rather than zeros before any session or score", () => {
    const result = computeEffectiveness({
      ...scenario6,
      students: [{ studentId: "s1", scores: [] }],
      today: startDate,
      attendance: { present: 0, tardy: 0, absent: 0, excused: 0 },
      sessionsScheduledToDate: 0,
      sessionsHeld: 0,
    });
    expect(result).toMatchObject({
      attendanceRate: null,
      fidelity: null,
      preAverage: null,
      currentAverage: null,
      change: null,
      studentsProgressing: { count: 0, total: 1, rate: 0 },
      projectedEndAverage: null,
      staffHours: 0,
      costPerPoint: null,
      recommendation: "Continue and keep monitoring",
      nonResponders: [],
    });
  });

  it("has no progress rate without students", () => {
    const result = computeEffectiveness({ ...scenario6, students: [] });
    expect(result.studentsProgressing).toEqual({ count: 0, total: 0, rate: null });
  });
});
