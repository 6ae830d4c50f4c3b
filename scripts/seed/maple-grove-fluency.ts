/**
 * Scenario 7 in the demo: a Tier 2 group old enough for the non-responder rule, in which one
 * student is not responding. Its effectiveness (lib/domain/effectiveness/non-responders.ts)
 * names that student, whose tier is still 2, so the flag that opens an escalation to Tier 3 is
 * there from the start (e2e/tier-decisions.spec.ts).
 *
 * The rule names a student only when all of these hold, and each is met on any day:
 * - at least NON_RESPONDER_MIN_WEEKS (6) weeks since the group's start: it started on the Monday
 *   seven weeks before this week's, 49 to 55 days ago. Unlike the other groups it is not held
 *   back to the first day of the school year (early in a year it began before that day);
 * - fidelity trusted (at least 80 % of the sessions and minutes due): the seed holds every
 *   session before today;
 * - at least 6 scores: a probe every other session, three sessions a week, and nobody absent:
 *   8 or more with winter break and Thanksgiving inside the seven weeks, and 6 at the least in
 *   July, when the series skips the summer and only its June sessions are held;
 * - the latest score short of the benchmark (the goal, 125 WCPM: no proficiency target is set)
 *   and a trend slower than the aim line (from the median of the first three probes to the goal
 *   over the ten weeks, about 3.4 a week): this student's scores stay flat around 91.
 *
 * The other student grows faster than the aim line but stays below the goal by today, so they are
 * neither a non-responder nor ready to exit.
 */

import { addDays } from "@/lib/domain/calendar/dates";
import { DEMO_GROUPS } from "./accounts";
import { onOrBefore } from "./calendar";
import type { GroupPlan, StudentProgress } from "./group-plan";
import type { MapleGroveGroupContext } from "./maple-grove-groups";

const WCPM = {
  measureName: "Words correct per minute",
  measureUnit: "WCPM",
  decimals: 0,
} as const;

/** Tier 2 fluency at the middle school with Ms. Price, planned by Ms. Johnson. */
export function fluencyGroup({
  today,
  johnsonUser,
  price,
  rooms,
  fluencyStudents,
}: MapleGroveGroupContext): GroupPlan {
  const [responder, nonResponder] = fluencyStudents;
  const progress: StudentProgress[] = [];
  if (responder) {
    progress.push({
      studentId: responder.id,
      firstName: responder.firstName,
      ...WCPM,
      baseline: 94,
      weeklyGain: 3.6,
      noise: 1,
      rating: "expected",
    });
  }
  if (nonResponder) {
    progress.push({
      studentId: nonResponder.id,
      firstName: nonResponder.firstName,
      ...WCPM,
      baseline: 91,
      weeklyGain: 0.2,
      noise: 1.5,
      rating: "none",
    });
  }
  return {
    name: DEMO_GROUPS.fluency,
    creatorUserId: johnsonUser,
    recorderUserId: null,
    input: {
      name: DEMO_GROUPS.fluency,
      tier: 2,
      focusArea: "Reading Fluency",
      description:
        "Repeated reading of grade-level passages with modelling, phrase-cued text and one-minute timings.",
      goal: "Read grade 8 passages at 125 words correct per minute.",
      startDate: addDays(onOrBefore(today, "MO"), -7 * 7),
      durationWeeks: 10,
      schedule: { days: ["MO", "WE", "FR"], startTime: "11:15", minutes: 30 },
      facilitatorIds: [price],
      roomId: rooms.learningLab,
      studentIds: fluencyStudents.map((s) => s.id),
    },
    monitoring: {
      measureName: WCPM.measureName,
      measureUnit: WCPM.measureUnit,
      measureDirection: "higher",
      goalValue: 125,
    },
    history: {
      sessionNotes: [
        "Modelled the passage, then partner repeated reading; one-minute timing at the end.",
        "Phrase-cued reading of a science passage; students marked their own phrase breaks.",
        "Echo reading and choral reading of a short story; timed reading of the cold passage.",
      ],
      observations: [
        "{name} read with fewer hesitations on the second reading.",
        "{name} still reads word by word on unfamiliar passages.",
        "{name} self-corrected most errors during the timing.",
      ],
      nextSteps: [
        "Keep the daily repeated reading at home.",
        "Add phrase-cued practice with a new passage.",
      ],
      probeEvery: 2,
      absences: [],
      randomAbsences: false,
      students: progress,
    },
  };
}
