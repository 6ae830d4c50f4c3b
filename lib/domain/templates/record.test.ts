import { describe, expect, it } from "vitest";
import type { Fidelity } from "../attendance";
import { hedgesG, smallSampleCorrection } from "./effect-size";
import {
  computeTemplateRecord,
  DEFAULT_MIN_STUDENTS_TO_RANK,
  rankByEffectSize,
  roundTemplateRecordForDisplay,
  type TemplateGroupOutcome,
  templateRecordSettingsOf,
} from "./record";
import { typicalWeeklyGrowth } from "./typical-growth";

/*
 * The fixture, computed by hand:
 *   pre     10 12 14 16 18   mean 14, squared deviations 16+4+0+4+16 = 40, s² = 40/4 = 10
 *   current 14 15 19 20 22   mean 18, squared deviations 16+9+1+4+16 = 46, s² = 46/4 = 11.5
 *   pooled s² = (4·10 + 4·11.5) / 8 = 10.75 = 43/4, so s = √43 / 2
 *   d = (18 − 14) / (√43 / 2) = 8/√43 ≈ 1.219989
 *   df = 5 + 5 − 2 = 8, J = 1 − 3/(4·8 − 1) = 28/31 ≈ 0.903226
 *   g = J·d = 224 / (31·√43) ≈ 1.101925
 *   Var(d) = 10/25 + d²/20 = 2/5 + (64/43)/20 = 102/215, SE(g) = J·√(102/215) ≈ 0.622124
 *   95 % CI = g ± 1.96·SE = −0.117439 … 2.321289
 */
const FIXTURE = [
  { pre: 10, current: 14 },
  { pre: 12, current: 15 },
  { pre: 14, current: 19 },
  { pre: 16, current: 20 },
  { pre: 18, current: 22 },
];

describe("Hedges' g", () => {
  it("applies the small-sample correction J = 1 − 3/(4·df − 1)", () => {
    expect(smallSampleCorrection(8)).toBeCloseTo(28 / 31, 12);
    expect(smallSampleCorrection(38)).toBeCloseTo(1 - 3 / 151, 12);
  });

  it("reproduces the hand-computed fixture: g, its standard error and the 95 % interval", () => {
    const effect = hedgesG(FIXTURE);
    expect(effect).not.toBeNull();
    expect(effect?.n).toBe(5);
    expect(effect?.df).toBe(8);
    expect(effect?.correction).toBeCloseTo(0.903226, 6);
    expect(effect?.g).toBeCloseTo(1.101925, 6);
    expect(effect?.g).toBeCloseTo(224 / (31 * Math.sqrt(43)), 12);
    expect(effect?.standardError).toBeCloseTo(0.622124, 6);
    expect(effect?.low).toBeCloseTo(-0.117439, 5);
    expect(effect?.high).toBeCloseTo(2.321289, 5);
  });

  it("is negative when the current scores fall, and symmetric", () => {
    const reversed = hedgesG(FIXTURE.map(({ pre, current }) => ({ pre: current, current: pre })));
    expect(reversed?.g).toBeCloseTo(-1.101925, 6);
    expect(reversed?.standardError).toBeCloseTo(0.622124, 6);
  });

  it("gives nothing below five students, or without any spread", () => {
    expect(hedgesG(FIXTURE.slice(0, 4))).toBeNull();
    expect(hedgesG([])).toBeNull();
    expect(hedgesG(FIXTURE.map(() => ({ pre: 10, current: 12 })))).toBeNull();
  });
});

describe("the ranking by effect size", () => {
  const template = (name: string, studentsServed: number, g: number | null) => ({
    name,
    studentsServed,
    effectSize: g === null ? null : { g },
  });

  it("ranks only templates with the minimum number of students, highest g first", () => {
    const ranked = rankByEffectSize(
      [
        template("small but lucky", 4, 2.5),
        template("steady", 12, 0.6),
        template("best", 30, 0.9),
        template("exactly the minimum", 10, 0.2),
        template("no scores", 15, null),
      ],
      10,
    );
    expect(ranked.map(({ item, standing }) => [item.name, standing])).toEqual([
      ["best", { rank: 1 }],
      ["steady", { rank: 2 }],
      ["exactly the minimum", { rank: 3 }],
      ["small but lucky", { rank: null, reason: "too-few-students" }],
      ["no scores", { rank: null, reason: "no-effect-size" }],
    ]);
  });

  it("ranks nothing when no template reaches the minimum", () => {
    const ranked = rankByEffectSize([template("a", 9, 1), template("b", 3, 0.5)], 10);
    expect(ranked.every(({ standing }) => standing.rank === null)).toBe(true);
  });

  it("reads the minimum from the district's settings, 10 unless set to a whole number", () => {
    expect(DEFAULT_MIN_STUDENTS_TO_RANK).toBe(10);
    expect(templateRecordSettingsOf(null)).toEqual({ minStudentsToRank: 10 });
    expect(templateRecordSettingsOf({ templateRankMinStudents: 20 })).toEqual({
      minStudentsToRank: 20,
    });
    for (const odd of [0, -3, 2.5, "20", 1e9]) {
      expect(templateRecordSettingsOf({ templateRankMinStudents: odd })).toEqual({
        minStudentsToRank: 10,
      });
    }
  });
});

const FIDELITY: Fidelity = { sessionRate: 1, minutesRate: 1, threshold: 0.8, trusted: true };

function group(overrides: Partial<TemplateGroupOutcome> = {}): TemplateGroupOutcome {
  return {
    status: "active",
    startDate: "2026-09-07",
    endDate: "2026-11-27",
    direction: "higher",
    goal: 60,
    sameMeasure: true,
    fidelity: FIDELITY,
    sessionsHeld: 20,
    sessionMinutes: 30,
    facilitatorCount: 1,
    students: [],
    exitedStudentIds: [],
    spentCents: null,
    ...overrides,
  };
}

/** Weekly scores from the start date: 2026-09-07, -14, -21, … */
function weekly(studentId: string, values: number[]) {
  const dates = ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05"];
  return {
    studentId,
    scores: values.map((value, i) => ({ date: dates[i] ?? "2026-10-12", value })),
  };
}

describe("a template's record", () => {
  it("pools the groups run: students, responding, median growth, effect size, hours", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [
        group({
          students: [
            weekly("a", [10, 12, 14]), // slope 2 a week, baseline 12, latest 14
            weekly("b", [20, 20, 20]), // slope 0: not responding
            weekly("c", [30, 33, 36]), // slope 3
          ],
        }),
        group({
          facilitatorCount: 2,
          students: [
            weekly("d", [5, 6, 7]), // slope 1
            weekly("e", [8, 9]), // no trend; latest 9 beats baseline 8.5: responding
          ],
        }),
        // Neither counts: cancelled, and not started yet.
        group({ status: "cancelled", students: [weekly("f", [1, 9, 20])] }),
        group({ status: "planned", startDate: "2026-12-01", endDate: "2027-02-01" }),
      ],
    });
    expect(record.groupsRun).toBe(2);
    expect(record.studentsServed).toBe(5);
    expect(record.responding).toEqual({ count: 4, total: 5, rate: 0.8 });
    // Slopes 2, 0, 3, 1: the median of an even count is the mean of the middle two.
    expect(record.studentsWithGrowth).toBe(4);
    expect(record.medianWeeklyGrowth).toBeCloseTo(1.5, 12);
    expect(record.growthAgainstTypical).toBeCloseTo(1.5, 12);
    // Baselines are medians of the first 3 scores: 12, 20, 33, 6, 8.5; latest 14, 20, 36, 7, 9.
    expect(record.studentsWithScores).toBe(5);
    expect(record.meanGain).toBeCloseTo((2 + 0 + 3 + 1 + 0.5) / 5, 12);
    expect(record.effectSize?.n).toBe(5);
    // 20 × 30 min × 1 + 20 × 30 min × 2 = 1800 min = 30 h, over 5 students, per point of 1.3.
    expect(record.staffHours).toBe(30);
    expect(record.staffHoursPerStudent).toBe(6);
    expect(record.staffHoursPerPoint).toBeCloseTo(6 / 1.3, 12);
    expect(record.exitsRecorded).toBe(true);
    expect(record.studentsExited).toBe(0);
    expect(record.exitRate).toBe(0);
    expect(record.cost).toBeNull();
  });

  it("counts approved exits over students served, and pools the groups' money cost", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [
        group({
          students: [weekly("a", [10, 12]), weekly("b", [20, 22])],
          // "z" exited from another group: not one of this group's students.
          exitedStudentIds: ["a", "z"],
          spentCents: 30_000,
        }),
        group({
          students: [weekly("a", [10, 11]), weekly("c", [5, 9])],
          exitedStudentIds: ["c"],
          spentCents: 10_050,
        }),
        // Not run: its exit and its cost do not count.
        group({ status: "cancelled", students: [weekly("d", [1, 2])], exitedStudentIds: ["d"] }),
      ],
    });
    expect(record.studentsServed).toBe(4);
    expect(record.studentsExited).toBe(2);
    expect(record.exitRate).toBe(0.5);
    // $400.50 over 4 students; with two scores the baseline is their middle, so the gains are
    // 1, 1, 0.5 and 2: a mean of 1.125.
    expect(record.cost).toBeCloseTo(400.5, 12);
    expect(record.costPerStudent).toBeCloseTo(100.125, 12);
    expect(record.costPerPoint).toBeCloseTo(100.125 / 1.125, 12);
    const shown = roundTemplateRecordForDisplay(record);
    expect(shown.costPerStudent).toBe(100.13);
    expect(shown.costPerPoint).toBe(89);
  });

  it("gives no money cost when a group run is not priced", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [
        group({ students: [weekly("a", [10, 12])], spentCents: 100 }),
        group({ students: [weekly("b", [10, 12])], spentCents: null }),
      ],
    });
    expect(record.cost).toBeNull();
    expect(record.costPerPoint).toBeNull();
  });

  it("turns a lower-is-better measure's drop into a gain", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: null,
      groups: [
        group({
          direction: "lower",
          students: [weekly("a", [10, 8]), weekly("b", [12, 10])],
        }),
      ],
    });
    expect(record.meanGain).toBeCloseTo(1, 12);
    expect(record.responding.count).toBe(2);
    expect(record.growthAgainstTypical).toBeNull();
  });

  it("leaves out the scores of a group that changed its measure, but counts its students", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [group({ sameMeasure: false, students: [weekly("a", [1, 2, 3])] })],
    });
    expect(record.studentsServed).toBe(1);
    expect(record.studentsWithGrowth).toBe(0);
    expect(record.medianWeeklyGrowth).toBeNull();
    expect(record.effectSize).toBeNull();
  });

  it("is empty, not zero, with no group run", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [],
    });
    expect(record).toMatchObject({
      groupsRun: 0,
      studentsServed: 0,
      responding: { count: 0, total: 0, rate: null },
      medianWeeklyGrowth: null,
      effectSize: null,
      meanGain: null,
      staffHoursPerStudent: null,
      staffHoursPerPoint: null,
    });
  });

  it("rounds for display once", () => {
    const record = computeTemplateRecord({
      today: "2026-11-18",
      typicalWeeklyGrowth: 1,
      groups: [
        group({
          students: FIXTURE.map(({ pre, current }, i) =>
            weekly(String(i), [pre, pre, pre, current]),
          ),
        }),
      ],
    });
    const shown = roundTemplateRecordForDisplay(record);
    expect(shown.effectSize).toMatchObject({ g: 1.1, low: -0.12, high: 2.32, n: 5 });
  });
});

describe("typical weekly growth", () => {
  it("knows the demo library's oral reading, computation and maze measures, and no others", () => {
    expect(typicalWeeklyGrowth("Words correct per minute")).toBe(1);
    expect(typicalWeeklyGrowth("  words correct  per minute")).toBe(1);
    expect(typicalWeeklyGrowth("Math computation correct digits")).toBe(0.3);
    expect(typicalWeeklyGrowth("Maze comprehension")).toBe(0.39);
    expect(typicalWeeklyGrowth("Nonsense word fluency")).toBeNull();
    expect(typicalWeeklyGrowth(null)).toBeNull();
  });
});
