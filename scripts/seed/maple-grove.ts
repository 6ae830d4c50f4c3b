/** Maple Grove, the main demo district: three schools, the scenarios' people, six groups. */

import { DEMO_ACCOUNTS, DEMO_DISTRICTS } from "./accounts";
import { addFallBenchmarks, fallTestingDay } from "./benchmarks";
import { DistrictBuilder } from "./district-builder";
import type { DistrictPlan, PlanOptions } from "./district-plan";
import { mapleGroveGroups } from "./maple-grove-groups";
import { addMapleGroveHomerooms } from "./maple-grove-homerooms";
import { Rng } from "./random";

export function planMapleGrove(options: PlanOptions): DistrictPlan {
  const { today, year, scale, passwordHash } = options;
  const b = new DistrictBuilder(
    Rng.fromName(`maple-grove/${scale}`),
    year,
    DEMO_DISTRICTS.mapleGrove,
    "maplegrove.example",
    "MG",
    "763",
  );

  const mge = b.addSchool("Maple Grove Elementary", "MGE", 0, 5);
  const ohe = b.addSchool("Oak Hill Elementary", "OHE", 0, 5);
  const mgms = b.addSchool("Maple Grove Middle School", "MGMS", 6, 8);

  const rooms = {
    room104: b.addRoom(mge, "Room 104", 8),
    mathLab: b.addRoom(mge, "Math Lab", 10),
    ohIntervention: b.addRoom(ohe, "Intervention Room", 6),
    learningLab: b.addRoom(mgms, "Learning Lab", 12),
  };
  for (const name of ["Room 101", "Room 102", "Room 103", "Library"]) b.addRoom(mge, name, 28);
  for (const name of ["Room 201", "Room 202", "Room 203", "Reading Room", "Library"]) {
    b.addRoom(ohe, name, name === "Reading Room" ? 8 : 28);
  }
  for (const name of ["Room 301", "Room 302", "Room 303", "Media Center"])
    b.addRoom(mgms, name, 30);

  // The people the demo sign-ins and scenarios name.
  const reyes = b.addStaff({
    firstName: "Patricia",
    lastName: "Reyes",
    honorific: "Dr.",
    title: "Director of Student Services",
    schoolId: null,
    email: DEMO_ACCOUNTS.admin,
  });
  const johnson = b.addStaff({
    firstName: "Sarah",
    lastName: "Johnson",
    honorific: "Ms.",
    title: "Reading Specialist",
    schoolId: mge,
    email: DEMO_ACCOUNTS.specialist,
  });
  const kim = b.addStaff({
    firstName: "David",
    lastName: "Kim",
    honorific: "Mr.",
    title: "Grade 3 Teacher",
    schoolId: mge,
    email: DEMO_ACCOUNTS.teacher,
  });
  const alvarez = b.addStaff({
    firstName: "Marcus",
    lastName: "Alvarez",
    honorific: "Mr.",
    title: "Reading Interventionist",
    schoolId: ohe,
    email: DEMO_ACCOUNTS.facilitator,
  });
  const okafor = b.addStaff({
    firstName: "Linda",
    lastName: "Okafor",
    honorific: "Ms.",
    title: "Math Interventionist",
    schoolId: mge,
  });
  const price = b.addStaff({
    firstName: "Angela",
    lastName: "Price",
    honorific: "Ms.",
    title: "Literacy Interventionist",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "James",
    lastName: "Patel",
    honorific: "Mr.",
    title: "School Counselor",
    schoolId: mge,
  });
  b.addStaff({
    firstName: "Maria",
    lastName: "Lopez",
    honorific: "Ms.",
    title: "School Counselor",
    schoolId: ohe,
  });
  b.addStaff({
    firstName: "Kevin",
    lastName: "O'Brien",
    honorific: "Mr.",
    title: "School Counselor",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "Karen",
    lastName: "Olson",
    honorific: "Ms.",
    title: "Principal",
    schoolId: mge,
  });
  b.addStaff({
    firstName: "Brian",
    lastName: "Walsh",
    honorific: "Mr.",
    title: "Principal",
    schoolId: ohe,
  });
  b.addStaff({
    firstName: "Denise",
    lastName: "Harper",
    honorific: "Dr.",
    title: "Principal",
    schoolId: mgms,
  });
  b.addStaff({
    firstName: "Helen",
    lastName: "Park",
    honorific: "Dr.",
    title: "School Psychologist",
    schoolId: null,
  });
  b.addStaff({
    firstName: "Rebecca",
    lastName: "Stone",
    honorific: "Ms.",
    title: "Speech-Language Pathologist",
    schoolId: null,
  });
  const full = scale === "full";
  const { named, emma, jenniferWilson, carlosMartinez } = addMapleGroveHomerooms(b, {
    mge,
    ohe,
    mgms,
    kim,
    full,
  });

  // Sign-ins.
  b.addUser({
    email: DEMO_ACCOUNTS.admin,
    name: "Dr. Patricia Reyes",
    role: "admin",
    staffId: reyes,
    passwordHash,
  });
  const johnsonUser = b.addUser({
    email: DEMO_ACCOUNTS.specialist,
    name: "Sarah Johnson",
    role: "specialist",
    staffId: johnson,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.teacher,
    name: "David Kim",
    role: "teacher",
    staffId: kim,
    passwordHash,
  });
  const alvarezUser = b.addUser({
    email: DEMO_ACCOUNTS.facilitator,
    name: "Marcus Alvarez",
    role: "facilitator",
    staffId: alvarez,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.parent,
    name: "Jennifer Wilson",
    role: "parent",
    guardianId: jenniferWilson,
    passwordHash,
  });
  b.addUser({
    email: DEMO_ACCOUNTS.padre,
    name: "Carlos Martinez",
    role: "parent",
    guardianId: carlosMartinez,
    locale: "es",
    passwordHash,
  });

  // Students picked for the other groups, with the screening results that put them there.
  const pick = (
    schoolId: string,
    grade: number,
    count: number,
    exclude: ReadonlySet<string> = new Set(),
  ) =>
    b
      .studentsOf(schoolId, grade)
      .filter((s) => !exclude.has(s.id!))
      .slice(0, count)
      .map((s) => ({ id: s.id!, firstName: s.firstName }));
  const mathStudents = pick(mge, 4, full ? 5 : 4);
  for (const s of mathStudents) b.mathBands.set(s.id, "tier2");
  const tier3Students = pick(ohe, 2, full ? 3 : 2);
  for (const s of tier3Students) b.readingBands.set(s.id, "tier3");
  const middleStudents = pick(mgms, 6, full ? 5 : 3);
  for (const s of middleStudents) b.readingBands.set(s.id, "tier2");
  const earlyStudents = pick(mge, 1, full ? 3 : 2);
  for (const s of earlyStudents) b.readingBands.set(s.id, "tier2");
  // The fluency group's (Scenario 7's non-responder): the last two of grade 8, whom no other
  // group and no test takes (tests take the first of a grade). No band is set for them: a band
  // would change the draws of everyone's screening scores.
  const fluencyStudents = b
    .studentsOf(mgms, 8)
    .slice(-2)
    .map((s) => ({ id: s.id!, firstName: s.firstName }));

  addFallBenchmarks(
    b,
    new Map([
      [mge, fallTestingDay(year, today, 1)],
      [ohe, fallTestingDay(year, today, 2)],
      [mgms, fallTestingDay(year, today, 3)],
    ]),
  );

  b.plan.groups.push(
    ...mapleGroveGroups({
      today,
      year,
      rng: b.rng,
      johnsonUser,
      alvarezUser,
      johnson,
      okafor,
      alvarez,
      price,
      rooms,
      named,
      emma,
      mathStudents,
      tier3Students,
      middleStudents,
      earlyStudents,
      fluencyStudents,
    }),
  );

  return b.plan;
}
