import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import { computeEffectiveness, roundEffectivenessForDisplay } from "../effectiveness";
import {
  DISTRICT_CSV_HEADER,
  type DistrictGroup,
  type DistrictRow,
  districtChoices,
  districtCsv,
  districtRow,
  filterDistrictGroups,
  projectedMargin,
  sortDistrictRows,
} from "./district-effectiveness";

const delivered = fidelity({
  sessionsScheduledToDate: 10,
  sessionsHeld: 9,
  minutesPlanned: 300,
  minutesDelivered: 270,
});

function group(overrides: Partial<DistrictGroup> = {}): DistrictGroup {
  return {
    id: "g1",
    name: "Phonics",
    tier: 2,
    focusArea: "Reading Fluency",
    schoolId: "s1",
    schoolName: "Maple Grove Elementary",
    facilitators: [{ id: "f1", name: "Ms. Johnson" }],
    measureName: "Words correct per minute",
    direction: "higher",
    goal: 60,
    ...overrides,
  };
}

// Two students rising 2 points a probe from 40 and 44: a gain, a projection, progressing.
const rising = roundEffectivenessForDisplay(
  computeEffectiveness({
    students: [
      {
        studentId: "a",
        scores: [
          { date: "2026-10-19", value: 40 },
          { date: "2026-10-26", value: 42 },
          { date: "2026-11-02", value: 44 },
          { date: "2026-11-09", value: 46 },
        ],
      },
      {
        studentId: "b",
        scores: [
          { date: "2026-10-19", value: 44 },
          { date: "2026-10-26", value: 45 },
          { date: "2026-11-02", value: 47 },
          { date: "2026-11-09", value: 48 },
        ],
      },
    ],
    goal: 60,
    startDate: "2026-10-19",
    endDate: "2026-12-11",
    today: "2026-11-18",
    attendance: { present: 16, absent: 2, tardy: 0, excused: 0 },
    sessionsScheduledToDate: 10,
    sessionsHeld: 9,
    minutesPerSession: 30,
    minutesPlanned: 300,
    minutesDelivered: 270,
    facilitatorCount: 1,
    benchmarkCut: 60,
  }),
);

describe("districtRow", () => {
  it("takes the dashboard's rounded figures, and the cost in staff hours when no money cost exists", () => {
    const row = districtRow(group(), {
      effectiveness: rising,
      fidelity: delivered,
      staffHours: 4.5,
      studentCount: 2,
      studentsWithScores: 2,
    });
    expect(row.fidelity).toBe(0.9);
    expect(row.progressing).toEqual({ count: 2, total: 2, rate: 1 });
    expect(row.projectedEndAverage).toBe(rising.projectedEndAverage);
    expect(row.costUnit).toBe("staff hours");
    expect(row.costPerStudent).toBe(2.3);
    expect(row.costPerPoint).toBe(rising.costPerPoint);
    expect(row.costPerPoint).not.toBeNull();
    expect(row.why).toEqual({});
  });

  it("gives no figure that needs a goal when the group has none, and says why", () => {
    const row = districtRow(group({ measureName: null, goal: null }), {
      effectiveness: null,
      fidelity: delivered,
      staffHours: 4.5,
      studentCount: 3,
      studentsWithScores: 0,
    });
    expect(row.fidelity).toBe(0.9);
    expect(row.costPerStudent).toBe(1.5);
    expect([row.progressing, row.projectedEndAverage, row.costPerPoint]).toEqual([
      null,
      null,
      null,
    ]);
    expect(row.why.progressing).toMatch(/No measure and goal/);
    expect(row.why.projected).toMatch(/No measure and goal/);
    expect(row.why.costPerPoint).toMatch(/No measure and goal/);
  });

  it("says 'not enough data' rather than 0 % progressing when no student has a score", () => {
    const empty = roundEffectivenessForDisplay(
      computeEffectiveness({
        students: [
          { studentId: "a", scores: [] },
          { studentId: "b", scores: [] },
        ],
        goal: 60,
        startDate: "2026-11-16",
        endDate: "2026-12-11",
        today: "2026-11-18",
        attendance: { present: 0, absent: 0, tardy: 0, excused: 0 },
        sessionsScheduledToDate: 0,
        sessionsHeld: 0,
        minutesPerSession: 30,
        facilitatorCount: 1,
        benchmarkCut: 60,
      }),
    );
    const row = districtRow(group(), {
      effectiveness: empty,
      fidelity: fidelity({
        sessionsScheduledToDate: 0,
        sessionsHeld: 0,
        minutesPlanned: 0,
        minutesDelivered: 0,
      }),
      staffHours: 0,
      studentCount: 2,
      studentsWithScores: 0,
    });
    expect(row.progressing).toBeNull();
    expect(row.why.progressing).toBe("Not enough data yet: 0 of 2 students have a score.");
    expect(row.projectedEndAverage).toBeNull();
    expect(row.fidelity).toBeNull();
    expect(row.why.fidelity).toMatch(/No session/);
    expect(row.costPerPoint).toBeNull();
    expect(row.why.costPerPoint).toMatch(/Not enough data/);
  });

  it("has no cost per student without students", () => {
    const row = districtRow(group(), {
      effectiveness: null,
      fidelity: delivered,
      staffHours: 0,
      studentCount: 0,
      studentsWithScores: 0,
    });
    expect(row.costPerStudent).toBeNull();
    expect(row.why.costPerStudent).toBe("No student enrolled.");
  });
});

function row(overrides: Partial<DistrictRow>): DistrictRow {
  return {
    ...group(),
    studentCount: 4,
    fidelity: 0.9,
    progressing: { count: 2, total: 4, rate: 0.5 },
    projectedEndAverage: 58,
    costPerStudent: 2,
    costPerPoint: 1,
    costUnit: "staff hours",
    why: {},
    ...overrides,
  };
}

describe("sortDistrictRows", () => {
  const a = row({ id: "a", name: "A", progressing: { count: 1, total: 4, rate: 0.25 } });
  const b = row({ id: "b", name: "B", progressing: null, why: { progressing: "no goal" } });
  const c = row({ id: "c", name: "C", progressing: { count: 4, total: 4, rate: 1 } });

  it("sorts by % progressing either way, rows without the figure last both times", () => {
    expect(sortDistrictRows([a, b, c], "progressing", "asc").map((r) => r.id)).toEqual([
      "a",
      "c",
      "b",
    ]);
    expect(sortDistrictRows([a, b, c], "progressing", "desc").map((r) => r.id)).toEqual([
      "c",
      "a",
      "b",
    ]);
  });

  it("sorts names and schools as text, ties by name", () => {
    const x = row({ id: "x", name: "Zeta", schoolName: "Oak Hill" });
    const y = row({ id: "y", name: "Alpha", schoolName: "Oak Hill" });
    const z = row({ id: "z", name: "Mid", schoolName: "Birch" });
    expect(sortDistrictRows([x, y, z], "school", "asc").map((r) => r.id)).toEqual(["z", "y", "x"]);
    expect(sortDistrictRows([x, y, z], "name", "desc").map((r) => r.id)).toEqual(["x", "z", "y"]);
  });

  it("sorts 'projected vs goal' by the margin in the measure's good direction", () => {
    const errors = row({ id: "e", direction: "lower", goal: 5, projectedEndAverage: 3 });
    expect(projectedMargin(errors)).toBe(2);
    const short = row({ id: "s", goal: 60, projectedEndAverage: 50 });
    expect(sortDistrictRows([short, errors], "projected", "desc").map((r) => r.id)).toEqual([
      "e",
      "s",
    ]);
  });
});

describe("filters and choices", () => {
  const groups = [
    group({ id: "1" }),
    group({ id: "2", schoolId: "s2", schoolName: "Oak Hill", focusArea: "Math" }),
    group({ id: "3", facilitators: [{ id: "f2", name: "Mr. Alvarez" }] }),
  ];

  it("narrows by school, focus area and facilitator together", () => {
    expect(filterDistrictGroups(groups, { schoolId: "s1" }).map((g) => g.id)).toEqual(["1", "3"]);
    expect(filterDistrictGroups(groups, { focusArea: "Math" }).map((g) => g.id)).toEqual(["2"]);
    expect(
      filterDistrictGroups(groups, { schoolId: "s1", facilitatorId: "f2" }).map((g) => g.id),
    ).toEqual(["3"]);
    expect(filterDistrictGroups(groups, {})).toHaveLength(3);
  });

  it("offers each school, focus area and facilitator once, sorted", () => {
    expect(districtChoices(groups)).toEqual({
      schools: [
        { id: "s1", label: "Maple Grove Elementary" },
        { id: "s2", label: "Oak Hill" },
      ],
      focusAreas: ["Math", "Reading Fluency"],
      facilitators: [
        { id: "f2", label: "Mr. Alvarez" },
        { id: "f1", label: "Ms. Johnson" },
      ],
    });
  });
});

describe("districtCsv", () => {
  it("has the header and one line per group, blanks for missing figures with the reason", () => {
    const csv = districtCsv([
      row({ id: "a", name: "Phonics, Tier 2" }),
      row({ id: "b", name: "Math", progressing: null, why: { progressing: "No goal." } }),
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(DISTRICT_CSV_HEADER.join(","));
    expect(lines[1]).toBe(
      '"Phonics, Tier 2",Maple Grove Elementary,2,Reading Fluency,Ms. Johnson,4,Words correct per minute,90,2/4,50,58,60,2,1,staff hours,',
    );
    expect(lines[2]).toContain(",,,58,60,2,1,staff hours,No goal.");
  });
});
