/** Cedar Ridge, the second demo district: one school and one group, to show districts apart. */

import { DEMO_ACCOUNTS, DEMO_DISTRICTS, DEMO_GROUPS } from "./accounts";
import { addFallBenchmarks, fallTestingDay } from "./benchmarks";
import { DistrictBuilder } from "./district-builder";
import type { DistrictPlan, PlanOptions } from "./district-plan";
import { mondayWeeksFrom } from "./group-plan";
import { Rng } from "./random";

export function planCedarRidge(options: PlanOptions): DistrictPlan {
  const { today, year, scale, passwordHash } = options;
  const b = new DistrictBuilder(
    Rng.fromName(`cedar-ridge/${scale}`),
    year,
    DEMO_DISTRICTS.cedarRidge,
    "cedarridge.example",
    "CR",
    "303",
  );
  const school = b.addSchool("Cedar Ridge Elementary", "CRE", 0, 5);
  const readingNook = b.addRoom(school, "Reading Nook", 6);
  for (const name of ["Room 1", "Room 2", "Room 3", "Library"]) b.addRoom(school, name, 26);

  const bennett = b.addStaff({
    firstName: "Laura",
    lastName: "Bennett",
    honorific: "Ms.",
    title: "Reading Specialist",
    schoolId: school,
    email: DEMO_ACCOUNTS.cedarSpecialist,
  });
  const hale = b.addStaff({
    firstName: "Thomas",
    lastName: "Hale",
    honorific: "Mr.",
    title: "Principal",
    schoolId: school,
    email: DEMO_ACCOUNTS.cedarAdmin,
  });
  b.addStaff({
    firstName: "Monica",
    lastName: "Reed",
    honorific: "Ms.",
    title: "School Counselor",
    schoolId: school,
  });

  // Three multi-grade homerooms for ten children per grade.
  for (const grades of [
    [0, 1],
    [2, 3],
    [4, 5],
  ] as const) {
    const label = grades[0] === 0 ? "Grades K–1" : `Grades ${grades[0]}–${grades[1]}`;
    const teacher = b.addGeneratedTeacher(`${label} Teacher`, school);
    const roster: string[] = [];
    for (const grade of grades) {
      for (let i = 0; i < 10; i++) roster.push(b.addStudent({ schoolId: school, grade }).id);
    }
    b.addSection(school, teacher.id, `${label} Homeroom (${teacher.displayName})`, roster);
  }

  const bennettUser = b.addUser({
    email: DEMO_ACCOUNTS.cedarSpecialist,
    name: "Laura Bennett",
    role: "specialist",
    staffId: bennett,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.cedarAdmin,
    name: "Thomas Hale",
    role: "admin",
    staffId: hale,
    passwordHash,
  });

  const groupStudents = b
    .studentsOf(school, 2)
    .slice(0, 4)
    .map((s) => ({ id: s.id!, firstName: s.firstName }));
  for (const s of groupStudents) b.readingBands.set(s.id, "tier2");
  addFallBenchmarks(b, new Map([[school, fallTestingDay(year, today, 2)]]));

  b.plan.groups.push({
    name: DEMO_GROUPS.cedarRidge,
    creatorUserId: bennettUser,
    recorderUserId: bennettUser,
    input: {
      name: DEMO_GROUPS.cedarRidge,
      tier: 2,
      focusArea: "Reading Fluency",
      description: "Decoding and fluency practice with decodable texts for second graders.",
      goal: "Read grade 2 passages at 70 words correct per minute.",
      startDate: mondayWeeksFrom(today, -3, year.firstDay),
      durationWeeks: 6,
      schedule: { days: ["MO", "TU", "TH"], startTime: "10:30", minutes: 30 },
      facilitatorIds: [bennett],
      roomId: readingNook,
      studentIds: groupStudents.map((s) => s.id),
    },
    history: {
      sessionNotes: [
        "Vowel-team practice (ai, ay) with a word hunt in a decodable text.",
        "Echo reading and partner reading of a short passage.",
        "Timed repeated reading; students graphed their own scores.",
      ],
      observations: [
        "{name} read with fewer pauses than last week.",
        "{name} decoded vowel-team words accurately.",
        "{name} is gaining confidence reading aloud.",
      ],
      nextSteps: ["Continue repeated reading.", "Introduce oa and ow vowel teams."],
      probeEvery: 2,
      absences: [],
      randomAbsences: true,
      students: groupStudents.map((s) => ({
        studentId: s.id,
        firstName: s.firstName,
        measureName: "Words correct per minute",
        measureUnit: "WCPM",
        decimals: 0,
        baseline: b.rng.int(35, 45),
        weeklyGain: 1.5 + b.rng.next() * 1.5,
        noise: 2,
        rating: "expected",
      })),
    },
  });

  return b.plan;
}
