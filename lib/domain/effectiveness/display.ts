import { RATE_DECIMALS, roundRate, roundTo } from "../progress";
import type { StudentProgress } from "./student-progress";
import type { Cost, Effectiveness } from "./types";

const SCORE_DECIMALS = 1;
const HOUR_DECIMALS = 1;
const MONEY_DECIMALS = 2;
/** Growth per week is small (0.4 a week is real growth): two decimals keep it readable. */
const SLOPE_DECIMALS = 2;

function roundOrNull(value: number | null, decimals: number): number | null {
  return value === null ? null : roundTo(value, decimals);
}

function roundCost(cost: Cost): Cost {
  return {
    staff: roundTo(cost.staff, MONEY_DECIMALS),
    resources: roundTo(cost.resources, MONEY_DECIMALS),
    total: roundTo(cost.total, MONEY_DECIMALS),
    perStudent: roundOrNull(cost.perStudent, MONEY_DECIMALS),
    perPoint: roundOrNull(cost.perPoint, MONEY_DECIMALS),
  };
}

/** Rounds once, at the edge, so no figure shown was computed from another rounded figure. */
export function roundEffectivenessForDisplay(effectiveness: Effectiveness): Effectiveness {
  const { fidelityDetail, studentsProgressing } = effectiveness;
  return {
    ...effectiveness,
    attendanceRate: roundRate(effectiveness.attendanceRate),
    fidelity: roundRate(effectiveness.fidelity),
    fidelityDetail: {
      ...fidelityDetail,
      sessionRate: roundRate(fidelityDetail.sessionRate),
      minutesRate: roundRate(fidelityDetail.minutesRate),
    },
    preAverage: roundOrNull(effectiveness.preAverage, SCORE_DECIMALS),
    currentAverage: roundOrNull(effectiveness.currentAverage, SCORE_DECIMALS),
    change: roundOrNull(effectiveness.change, SCORE_DECIMALS),
    studentsProgressing: {
      ...studentsProgressing,
      rate: roundRate(studentsProgressing.rate),
    },
    projectedEndAverage: roundOrNull(effectiveness.projectedEndAverage, SCORE_DECIMALS),
    staffHours: roundTo(effectiveness.staffHours, HOUR_DECIMALS),
    studentHours: roundTo(effectiveness.studentHours, HOUR_DECIMALS),
    costPerPoint: roundOrNull(effectiveness.costPerPoint, RATE_DECIMALS),
    cost: effectiveness.cost === null ? null : roundCost(effectiveness.cost),
  };
}

/** One student's analysis rounded as the group's figures are: scores 1 decimal, rates 2. */
export function roundStudentProgressForDisplay(student: StudentProgress): StudentProgress {
  return {
    ...student,
    baseline: roundOrNull(student.baseline, SCORE_DECIMALS),
    latest: roundOrNull(student.latest, SCORE_DECIMALS),
    trendSlopePerWeek: roundOrNull(student.trendSlopePerWeek, SLOPE_DECIMALS),
    aimSlopePerWeek: roundOrNull(student.aimSlopePerWeek, SLOPE_DECIMALS),
    projectedEndScore: roundOrNull(student.projectedEndScore, SCORE_DECIMALS),
    probabilityOfReachingGoal: roundRate(student.probabilityOfReachingGoal),
  };
}
