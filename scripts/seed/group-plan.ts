/** Planning a demo intervention group: its use-case input, its history, its students' progress. */

import type { PROGRESS_RATINGS } from "@/db/schema";
import { addDays, type LocalDate } from "@/lib/domain/calendar/dates";
import type { CreateInterventionFormValues } from "@/lib/domain/interventions/schemas";
import type { MonitoringPlanInput } from "@/lib/domain/sessions/schemas";
import { onOrBefore } from "./calendar";
import type { Rng } from "./random";

type ProgressRating = (typeof PROGRESS_RATINGS)[number];

/** An intervention to create through the use-case, and the history to give it afterwards. */
export interface GroupPlan {
  name: string;
  /** The specialist who creates it. */
  creatorUserId: string;
  input: CreateInterventionFormValues & { studentIds: string[] };
  /** Who took attendance and wrote the notes; null when the facilitator has no sign-in. */
  recorderUserId: string | null;
  history: GroupHistory;
  /**
   * The measure and goal the group is monitored on, set by its creator after creating it. The
   * Phonics group has none: setting it is the first step of Scenario 4, as a specialist does.
   */
  monitoring?: Omit<MonitoringPlanInput, "version">;
}

export interface GroupHistory {
  /** Session notes, used in turn for the sessions already held. */
  sessionNotes: readonly string[];
  /** Observation templates; `{name}` is the student's first name. */
  observations: readonly string[];
  nextSteps: readonly string[];
  /** A progress probe at every n-th held session, starting with the first. */
  probeEvery: number;
  /** Absences counted back from the latest held session (0 = the latest). */
  absences: ReadonlyArray<{ studentId: string; fromLatest: number }>;
  /** Whether other students may miss one session at random. */
  randomAbsences: boolean;
  /**
   * The group's latest session on or before today is left for the facilitator to take: today's
   * on a day the group meets (as always), else the last one before it, so that on a weekend or
   * a holiday the Today page shows it waiting and there is still attendance to take.
   */
  latestLeftToTake?: boolean;
  students: StudentProgress[];
}

export interface StudentProgress {
  studentId: string;
  firstName: string;
  measureName: string;
  measureUnit: string;
  baseline: number;
  /** Expected change per week. */
  weeklyGain: number;
  /** Probe-to-probe wobble, ± this much. */
  noise: number;
  decimals: number;
  /** Spread evenly from the first to the last probe instead (e.g. a grade level 2.8 → 3.2). */
  range?: readonly [number, number];
  rating: ProgressRating;
  finalNote?: { observation: string; nextSteps: string };
}

/** The Monday of the week `today` is in, moved by whole weeks. */
export function mondayWeeksFrom(today: LocalDate, weeks: number, firstDay: LocalDate): LocalDate {
  const monday = addDays(onOrBefore(today, "MO"), 7 * weeks);
  return monday < firstDay ? firstDay : monday;
}

/**
 * Progress for students the seed generated: each gains a random amount per week within `gain`
 * (one draw), from a random baseline (a second draw), and is rated by where the gain falls.
 */
export function generatedProgress(
  rng: Rng,
  students: Array<{ id: string; firstName: string }>,
  measure: { measureName: string; measureUnit: string; decimals: number },
  baseline: readonly [number, number],
  gain: readonly [number, number],
  noise: number,
): StudentProgress[] {
  return students.map((s) => {
    const weeklyGain = gain[0] + rng.next() * (gain[1] - gain[0]);
    const share = (weeklyGain - gain[0]) / (gain[1] - gain[0]);
    return {
      studentId: s.id,
      firstName: s.firstName,
      ...measure,
      baseline: rng.int(baseline[0], baseline[1]),
      weeklyGain,
      noise,
      rating: share > 0.75 ? "exceeding" : share > 0.3 ? "expected" : "some",
    };
  });
}
