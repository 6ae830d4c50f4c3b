/** Maple Grove's Phonics group (Scenarios 3 and 4): Ms. Johnson and the six named children. */

import { DEMO_GROUPS, NAMED_STUDENTS } from "./accounts";
import { type GroupPlan, mondayWeeksFrom, type StudentProgress } from "./group-plan";
import type { MapleGroveGroupContext } from "./maple-grove-groups";

/**
 * Emma's fluency level goes from 2.8 to 3.2 and her last note is Scenario 4's; Sophia and Ava
 * missed the latest held session (the dashboard's follow-ups); the latest session is left to take.
 */
export function phonicsGroup({
  today,
  year,
  johnsonUser,
  johnson,
  rooms,
  named,
  emma,
}: MapleGroveGroupContext): GroupPlan {
  const wcpm = {
    measureName: "Words correct per minute",
    measureUnit: "WCPM",
    decimals: 0,
  } as const;
  const namedProgress = (
    first: string,
    progress: Omit<
      StudentProgress,
      "studentId" | "firstName" | "measureName" | "measureUnit" | "decimals"
    >,
  ): StudentProgress => ({
    studentId: named.get(first)!.id,
    firstName: first,
    ...wcpm,
    ...progress,
  });

  return {
    name: DEMO_GROUPS.phonics,
    creatorUserId: johnsonUser,
    recorderUserId: johnsonUser,
    input: {
      name: DEMO_GROUPS.phonics,
      tier: 2,
      focusArea: "Reading Fluency",
      description:
        "Small-group phonics instruction on consonant blends and multisyllabic decoding, with repeated reading of decodable texts.",
      goal: "Read grade 3 passages at 90 words correct per minute with 95% accuracy.",
      startDate: mondayWeeksFrom(today, -4, year.firstDay),
      durationWeeks: 8,
      schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
      facilitatorIds: [johnson],
      roomId: rooms.room104,
      studentIds: NAMED_STUDENTS.map((s) => named.get(s.firstName)!.id),
    },
    history: {
      sessionNotes: [
        "Focused on phonics blends (bl, cl, fl). Emma and Noah showed great progress.",
        "Reviewed r-blends with word sorts; partner reading of a decodable text.",
        "Blending drills with letter tiles, then timed repeated reading.",
        "Introduced two-syllable words with closed syllables; most of the group decoded them independently.",
        "Word-building with s-blends; short dictation at the end.",
        "Repeated reading of last week's passage; the group read with more expression.",
      ],
      observations: [
        "{name} blended initial consonant clusters with few errors today.",
        "{name} read the decodable passage more smoothly than last week.",
        "{name} still hesitates on r-blends but self-corrects more often.",
        "{name} stayed engaged throughout and decoded new words independently.",
      ],
      nextSteps: [
        "Continue daily blending practice.",
        "Add a second repeated reading of the weekly passage.",
        "Keep practicing r-blends with word sorts.",
      ],
      probeEvery: 2,
      latestLeftToTake: true,
      absences: [
        { studentId: named.get("Sophia")!.id, fromLatest: 0 },
        { studentId: named.get("Ava")!.id, fromLatest: 0 },
      ],
      randomAbsences: false,
      students: [
        {
          studentId: emma.id,
          firstName: "Emma",
          measureName: "Fluency level",
          measureUnit: "grade level",
          decimals: 1,
          baseline: 2.8,
          weeklyGain: 0.1,
          noise: 0,
          range: [2.8, 3.2],
          rating: "expected",
          finalNote: {
            observation: "Emma is showing improvement in decoding multisyllabic words.",
            nextSteps: "Continue current strategies, add comprehension focus.",
          },
        },
        namedProgress("Liam", { baseline: 58, weeklyGain: 2.5, noise: 2, rating: "expected" }),
        namedProgress("Sophia", { baseline: 49, weeklyGain: 1.5, noise: 2, rating: "some" }),
        namedProgress("Noah", { baseline: 55, weeklyGain: 3.5, noise: 2, rating: "exceeding" }),
        namedProgress("Olivia", { baseline: 52, weeklyGain: 2.2, noise: 2, rating: "expected" }),
        namedProgress("Ava", { baseline: 47, weeklyGain: -0.4, noise: 1, rating: "none" }),
      ],
    },
  };
}
