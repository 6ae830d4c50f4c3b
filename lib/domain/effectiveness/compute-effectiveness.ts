import {
  attendanceRateFromCounts,
  type Fidelity,
  fidelity as fidelityOf,
  ratio,
} from "../attendance";
import { mean, weeksBetween } from "../progress";
import { costOf, perPointOfGain, staffHours, studentHours } from "./investment";
import { findNonResponders } from "./non-responders";
import { recommend } from "./recommendation";
import { isPastMidpoint } from "./recommendation-reason";
import { analyseStudent, type StudentProgress } from "./student-progress";
import type { Effectiveness, EffectivenessInput } from "./types";

function known(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function lowestKnown(values: readonly (number | null)[]): number | null {
  const rates = known(values);
  return rates.length === 0 ? null : Math.min(...rates);
}

/** The one fidelity figure: the lower of the session and minutes rates (null when neither is known). */
export function fidelityFigure(fidelity: Fidelity): number | null {
  return lowestKnown([fidelity.sessionRate, fidelity.minutesRate]);
}

function difference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** Full precision throughout; `roundEffectivenessForDisplay` rounds for the screen. */
export function computeEffectiveness(input: EffectivenessInput): Effectiveness {
  return computeGroupEffectiveness(input).effectiveness;
}

/**
 * The group's figures and each student's analysis they were computed from (baseline, latest,
 * trend, projection, chance of reaching the goal), for the dashboard that shows both
 * (app/(app)/interventions/[id]/effectiveness/page.tsx).
 */
export function computeGroupEffectiveness(input: EffectivenessInput): {
  effectiveness: Effectiveness;
  students: StudentProgress[];
} {
  const direction = input.direction ?? "higher";
  const { goal, startDate, endDate, today, minutesPerSession } = input;

  const fidelity = fidelityOf(
    {
      sessionsScheduledToDate: input.sessionsScheduledToDate,
      sessionsHeld: input.sessionsHeld,
      minutesPlanned: input.minutesPlanned ?? input.sessionsScheduledToDate * minutesPerSession,
      minutesDelivered: input.minutesDelivered ?? input.sessionsHeld * minutesPerSession,
    },
    input.fidelityThreshold,
  );

  const students = input.students.map((student) =>
    analyseStudent(student, { goal, direction, startDate, endDate, fidelity }),
  );
  const preAverage = mean(known(students.map((student) => student.baseline)));
  const currentAverage = mean(known(students.map((student) => student.latest)));
  const change = difference(currentAverage, preAverage);
  // Gain is change in the measure's good direction: fewer errors is a gain.
  const gain = change === null ? null : direction === "higher" ? change : -change;
  const projectedEndAverage = mean(known(students.map((student) => student.projectedEndScore)));

  const progressingCount = students.filter((student) => student.progressing).length;
  const progressingRate = ratio(progressingCount, students.length);

  const hours = staffHours(input.sessionsHeld, minutesPerSession, input.facilitatorCount);
  const spent = input.spent ?? null;

  const effectiveness: Effectiveness = {
    attendanceRate: attendanceRateFromCounts(input.attendance),
    fidelity: fidelityFigure(fidelity),
    fidelityDetail: fidelity,
    preAverage,
    currentAverage,
    change,
    studentsProgressing: {
      count: progressingCount,
      total: students.length,
      rate: progressingRate,
    },
    projectedEndAverage,
    staffHours: hours,
    studentHours: studentHours(input.attendance, minutesPerSession),
    costPerPoint: perPointOfGain(hours, gain),
    cost: spent === null ? null : costOf({ spent, studentCount: students.length, gain }),
    recommendation: recommend({
      fidelity,
      progressingRate,
      projectedEndAverage,
      goal,
      direction,
      anyFourPointRaise: students.some(
        (student) =>
          student.decision?.rule === "four-point" && student.decision.verdict === "raise-goal",
      ),
      pastMidpoint: isPastMidpoint(startDate, endDate, today),
    }),
    nonResponders: findNonResponders(students, {
      weeksElapsed: weeksBetween(startDate, today),
      fidelity,
      benchmarkCut: input.benchmarkCut,
      direction,
    }),
  };
  return { effectiveness, students };
}
