/** Maple Grove's intervention groups, in the order they are created. */

import type { LocalDate } from "@/lib/domain/calendar/dates";
import { addDays } from "@/lib/domain/calendar/dates";
import { DEMO_GROUPS } from "./accounts";
import type { SchoolYear } from "./calendar";
import { type GroupPlan, generatedProgress, mondayWeeksFrom } from "./group-plan";
import { fluencyGroup } from "./maple-grove-fluency";
import type { PlacedStudent } from "./maple-grove-homerooms";
import { phonicsGroup } from "./maple-grove-phonics";
import type { Rng } from "./random";

/** What Maple Grove's groups are made of: dates, people, rooms, the students picked for each. */
export interface MapleGroveGroupContext {
  today: LocalDate;
  year: SchoolYear;
  rng: Rng;
  johnsonUser: string;
  alvarezUser: string;
  johnson: string;
  okafor: string;
  alvarez: string;
  price: string;
  rooms: { room104: string; mathLab: string; ohIntervention: string; learningLab: string };
  named: ReadonlyMap<string, PlacedStudent>;
  emma: PlacedStudent;
  mathStudents: PickedStudent[];
  tier3Students: PickedStudent[];
  middleStudents: PickedStudent[];
  earlyStudents: PickedStudent[];
  fluencyStudents: PickedStudent[];
}

export interface PickedStudent {
  id: string;
  firstName: string;
}

/**
 * The six groups. Some draw their students' progress from the district's random stream, so
 * their order is part of the demo data: keep it. The fluency group came last and draws nothing
 * from it; its history is drawn after the others', which are as before.
 */
export function mapleGroveGroups(c: MapleGroveGroupContext): GroupPlan[] {
  return [
    phonicsGroup(c),
    mathFactsGroup(c),
    intensiveReadingGroup(c),
    middleSchoolGroup(c),
    earlyLiteracyGroup(c),
    fluencyGroup(c),
  ];
}

/** Tier 2 multiplication facts at Maple Grove Elementary; its facilitator has no sign-in. */
function mathFactsGroup({
  today,
  year,
  rng,
  johnsonUser,
  okafor,
  rooms,
  mathStudents,
}: MapleGroveGroupContext): GroupPlan {
  return {
    name: DEMO_GROUPS.mathFacts,
    creatorUserId: johnsonUser,
    recorderUserId: null,
    input: {
      name: DEMO_GROUPS.mathFacts,
      tier: 2,
      focusArea: "Math",
      description: "Fact-family practice and timed drills for multiplication facts to 10 × 10.",
      goal: "Answer 30 multiplication facts correctly in one minute.",
      startDate: addDays(mondayWeeksFrom(today, -3, year.firstDay), 1),
      durationWeeks: 6,
      schedule: { days: ["TU", "TH"], startTime: "13:30", minutes: 30 },
      facilitatorIds: [okafor],
      roomId: rooms.mathLab,
      studentIds: mathStudents.map((s) => s.id),
    },
    monitoring: {
      measureName: "Math facts correct per minute",
      measureUnit: "facts/min",
      measureDirection: "higher",
      goalValue: 30,
    },
    history: {
      sessionNotes: [
        "Fact families for 6s and 7s with number bonds; timed drill at the end.",
        "Strategy practice: doubles plus one set; games with fact cards.",
        "Reviewed 8s using skip counting; students charted their own drill scores.",
      ],
      observations: [
        "{name} recalled more facts from memory and relied less on counting.",
        "{name} used the doubling strategy for 4s and 8s.",
        "{name} is faster on 6s; 7s still need practice.",
      ],
      nextSteps: [
        "Daily two-minute fact practice at home.",
        "Keep charting drill scores.",
        "Focus on 7s and 8s.",
      ],
      probeEvery: 2,
      absences: [],
      randomAbsences: true,
      students: generatedProgress(
        rng,
        mathStudents,
        { measureName: "Math facts correct per minute", measureUnit: "facts/min", decimals: 0 },
        [12, 18],
        [1, 2.5],
        1,
      ),
    },
  };
}

/** Tier 3 reading at Oak Hill, facilitated by Mr. Alvarez (the facilitator sign-in). */
function intensiveReadingGroup({
  today,
  year,
  rng,
  johnsonUser,
  alvarezUser,
  alvarez,
  rooms,
  tier3Students,
}: MapleGroveGroupContext): GroupPlan {
  return {
    name: DEMO_GROUPS.intensiveReading,
    creatorUserId: johnsonUser,
    recorderUserId: alvarezUser,
    input: {
      name: DEMO_GROUPS.intensiveReading,
      tier: 3,
      focusArea: "Reading Fluency",
      description:
        "Intensive, explicit phonics and phonemic awareness instruction in a very small group.",
      goal: "Read 40 correct letter sounds per minute on nonsense-word fluency probes.",
      startDate: mondayWeeksFrom(today, -2, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "WE", "TH", "FR"], startTime: "09:00", minutes: 45 },
      facilitatorIds: [alvarez],
      roomId: rooms.ohIntervention,
      studentIds: tier3Students.map((s) => s.id),
    },
    monitoring: {
      measureName: "Nonsense word fluency",
      measureUnit: "correct letter sounds",
      measureDirection: "higher",
      goalValue: 40,
    },
    history: {
      sessionNotes: [
        "Phoneme segmentation with Elkonin boxes; short-vowel CVC words.",
        "Letter-sound review, then blending CVC words with a finger-tap routine.",
        "Decodable book reading with immediate error correction.",
        "Digraphs sh and ch introduced; students sorted picture cards.",
      ],
      observations: [
        "{name} segmented three-sound words without support.",
        "{name} confused short e and short i twice; corrected with the mouth picture cue.",
        "{name} blended CVC words faster than at the start of the week.",
      ],
      nextSteps: [
        "Continue daily letter-sound review.",
        "Add digraph practice.",
        "Send decodable book home.",
      ],
      probeEvery: 3,
      absences: [],
      randomAbsences: true,
      students: generatedProgress(
        rng,
        tier3Students,
        { measureName: "Nonsense word fluency", measureUnit: "correct letter sounds", decimals: 0 },
        [14, 22],
        [3, 5],
        1.5,
      ),
    },
  };
}

/** Tier 2 comprehension at the middle school, where one student needs a follow-up. */
function middleSchoolGroup({
  today,
  year,
  rng,
  johnsonUser,
  price,
  rooms,
  middleStudents,
}: MapleGroveGroupContext): GroupPlan {
  const middleProgress = generatedProgress(
    rng,
    middleStudents,
    { measureName: "Maze comprehension", measureUnit: "correct replacements", decimals: 0 },
    [9, 13],
    [0.6, 1.2],
    1,
  );
  return {
    name: DEMO_GROUPS.middleSchool,
    creatorUserId: johnsonUser,
    recorderUserId: null,
    input: {
      name: DEMO_GROUPS.middleSchool,
      tier: 2,
      focusArea: "Reading Comprehension",
      description:
        "Reciprocal teaching: predicting, questioning, clarifying and summarizing grade-level texts.",
      goal: "Score 20 correct replacements on the grade 6 maze probe.",
      startDate: addDays(mondayWeeksFrom(today, -5, year.firstDay), 1),
      durationWeeks: 8,
      schedule: { days: ["TU", "TH"], startTime: "11:15", minutes: 40 },
      facilitatorIds: [price],
      roomId: rooms.learningLab,
      studentIds: middleStudents.map((s) => s.id),
    },
    monitoring: {
      measureName: "Maze comprehension",
      measureUnit: "correct replacements",
      measureDirection: "higher",
      goalValue: 20,
    },
    history: {
      sessionNotes: [
        "Reciprocal teaching roles introduced with a short science article.",
        "Summarizing practice: one-sentence gist statements.",
        "Question generation with a social studies text; students led the clarifying step.",
      ],
      observations: [
        "{name} wrote an accurate gist statement with one prompt.",
        "{name} asked a clarifying question without being prompted.",
        "{name} predicted well but summaries are still long.",
      ],
      nextSteps: [
        "Practice gist statements with shorter texts.",
        "Rotate the discussion-leader role.",
      ],
      probeEvery: 2,
      // One student missed the last two sessions: the follow-up flag shows on the dashboard.
      absences: middleStudents[0]
        ? [
            { studentId: middleStudents[0].id, fromLatest: 0 },
            { studentId: middleStudents[0].id, fromLatest: 1 },
          ]
        : [],
      randomAbsences: true,
      students: middleProgress,
    },
  };
}

/** A first-grade group that starts next week: nothing held yet. */
function earlyLiteracyGroup({
  today,
  year,
  johnsonUser,
  johnson,
  rooms,
  earlyStudents,
}: MapleGroveGroupContext): GroupPlan {
  return {
    name: DEMO_GROUPS.earlyLiteracy,
    creatorUserId: johnsonUser,
    recorderUserId: johnsonUser,
    input: {
      name: DEMO_GROUPS.earlyLiteracy,
      tier: 2,
      focusArea: "Phonological Awareness",
      description: "Rhyming, syllable and onset-rime practice for first graders.",
      goal: "Identify beginning sounds of spoken words with 90% accuracy.",
      startDate: mondayWeeksFrom(today, 1, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "TH"], startTime: "13:00", minutes: 25 },
      facilitatorIds: [johnson],
      roomId: rooms.room104,
      studentIds: earlyStudents.map((s) => s.id),
    },
    history: {
      sessionNotes: [],
      observations: [],
      nextSteps: [],
      probeEvery: 2,
      absences: [],
      randomAbsences: false,
      students: [],
    },
  };
}
