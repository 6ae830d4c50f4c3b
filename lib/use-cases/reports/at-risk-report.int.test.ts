import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { studentsTaughtBy } from "@/db/queries/people";
import { sections, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { csvLine } from "@/lib/domain/csv-export";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import {
  assessmentInputSchema,
  assessmentResultInputSchema,
} from "@/lib/domain/reports/assessment-catalogue";
import {
  AT_RISK_CSV_HEADER,
  type AtRiskQuery,
  atRiskCsvLines,
  atRiskQuerySchema,
} from "@/lib/domain/reports/at-risk";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { schoolYearOf } from "@/scripts/seed/calendar";
import { testContext } from "@/test/fixtures/oneroster/district";
import { recordAssessmentResult } from "../assessments/record-assessment-result";
import { saveAssessment } from "../assessments/save-assessment";
import { importAssessmentResults } from "../imports/import-assessment-results";
import { atRiskReport } from "./at-risk-report";
import { atRiskReportChoices } from "./at-risk-report-choices";
import { exportAtRiskReport } from "./export-at-risk-report";

let handle: DatabaseHandle;
let specialist: Actor;
let assessmentId: string;
/** Grade 4 students scored at the boundaries, by score. */
const byScore = new Map<number, string>();
let grade3: { id: string; localId: string }[];

const ctx = (actor: Actor) => testContext(handle.db, actor);
const query = (extra: Partial<AtRiskQuery> = {}) =>
  atRiskQuerySchema.parse({ assessmentId, window: "winter", ...extra });

beforeAll(async () => {
  handle = connect(inject("appUrl"), { max: 2 });
  specialist = await loadDemoActor(handle.db, "johnson@maplegrove.example");
  const assessment = await saveAssessment(
    ctx(specialist),
    null,
    assessmentInputSchema.parse({
      name: "Boundary Reading Screener",
      subject: "Reading",
      scaleMin: 0,
      scaleMax: 100,
      // Grade 3 in winter has its own, higher cuts; everyone else the defaults (50 / 30).
      cutScores: [{ window: "winter", grade: "3", tier1Min: 60, tier2Min: 40 }],
    }),
  );
  assessmentId = assessment.id;
  const pick = (grade: number, n: number) =>
    withTenant(handle.db, specialist, (tx) =>
      tx
        .select({ id: students.id, localId: students.localId })
        .from(students)
        .where(
          and(
            eq(students.tenantId, specialist.tenantId),
            eq(students.grade, grade),
            eq(students.active, true),
          ),
        )
        .orderBy(asc(students.localId))
        .limit(n),
    );
  const grade4 = await pick(4, 5);
  grade3 = await pick(3, 2);
  const scores = [29, 30, 49, 50, 75];
  for (const [i, score] of scores.entries()) {
    const student = grade4[i]!;
    byScore.set(score, student.id);
    await recordAssessmentResult(
      ctx(specialist),
      assessmentResultInputSchema.parse({
        assessmentId,
        studentId: student.id,
        window: "winter",
        administeredOn: "2027-01-12",
        score,
      }),
    );
  }
});

afterAll(async () => {
  await handle.close();
});

describe("the at-risk report", () => {
  it("lists the students below the Tier 1 cut with the tier their score recommends, at the boundaries 29/30/49/50", async () => {
    const report = await atRiskReport(ctx(specialist), query({ grade: 4 }));
    // The year of this test's own results (January 2027), whatever day the clock says.
    expect(report.schoolYear).toBe("2026-27");
    expect(report.rows.map((r) => [r.score, r.recommendedTier, r.studentId])).toEqual([
      [29, 3, byScore.get(29)],
      [30, 2, byScore.get(30)],
      [49, 2, byScore.get(49)],
    ]);
    expect(report.rows.every((r) => r.tier1Cut === 50)).toBe(true);
  });

  it("applies a grade's own cut scores for the window", async () => {
    const [a, b] = grade3;
    await importAssessmentResults(ctx(specialist), {
      name: "winter-grade3.csv",
      open: async function* () {
        yield Buffer.from(
          `student_id,assessment,window,date,score,percentile\r\n${a!.localId},Boundary Reading Screener,Winter,1/12/2027,59,40\r\n${b!.localId},Boundary Reading Screener,winter,2027-01-12,60,\r\n`,
        );
      },
    });
    const report = await atRiskReport(ctx(specialist), query({ grade: 3 }));
    expect(report.rows.map((r) => [r.studentId, r.score, r.recommendedTier, r.tier1Cut])).toEqual([
      [a!.id, 59, 2, 60],
    ]);
    expect(report.rows[0]?.percentile).toBe(40);
  });

  it("filters by teacher, sorts, and exports CSV", async () => {
    const teacher = await loadDemoActor(handle.db, "teacher@maplegrove.example");
    const roster = await withTenant(handle.db, specialist, async (tx) =>
      (await studentsTaughtBy(tx, specialist.tenantId, teacher.staffId!)).map((r) => r.id),
    );
    const all = await atRiskReport(ctx(specialist), query({ sort: "name" }));
    const mine = await atRiskReport(
      ctx(specialist),
      query({ teacherId: teacher.staffId!, sort: "name" }),
    );
    expect(mine.rows.every((r) => roster.includes(r.studentId))).toBe(true);
    expect(all.total).toBe(all.rows.length);
    expect(mine.total).toBe(all.rows.filter((r) => roster.includes(r.studentId)).length);

    const desc = await atRiskReport(
      ctx(specialist),
      query({ grade: 4, sort: "score", direction: "desc" }),
    );
    expect(desc.rows.map((r) => r.score)).toEqual([49, 30, 29]);
    const exported = await exportAtRiskReport(
      ctx(specialist),
      query({ grade: 4, sort: "score", direction: "desc" }),
    );
    let file = csvLine(AT_RISK_CSV_HEADER);
    await exported.eachBatch(async (rows) => {
      file += atRiskCsvLines(rows);
      return true;
    });
    const csv = file.split("\r\n");
    expect(csv).toHaveLength(5);
    expect(csv[0]).toBe(AT_RISK_CSV_HEADER.join(","));
    expect(csv[1]).toMatch(/,49,.*,50,2,/);
  });

  it("reports the fall benchmark of the demo data: everyone below 50 and no one else", async () => {
    const [reading] = await withTenant(handle.db, specialist, (tx) =>
      tx.query.assessments.findMany({
        where: (a, { and, eq }) =>
          and(eq(a.tenantId, specialist.tenantId), eq(a.name, "Reading Benchmark")),
      }),
    );
    const report = await atRiskReport(
      ctx(specialist),
      // Other suites may record later windows in this shared database: ask for fall explicitly.
      atRiskQuerySchema.parse({ assessmentId: reading!.id, window: "fall" }),
    );
    expect(report.schoolYear).toBe(schoolYearOf(inject("seedToday")).label);
    expect(report.rows.length).toBeGreaterThan(4);
    for (const row of report.rows) {
      expect(row.score).toBeLessThan(50);
      expect(row.recommendedTier).toBe(row.score < 30 ? 3 : 2);
    }
  });

  it("without a window shows the latest window with results", async () => {
    const report = await atRiskReport(ctx(specialist), atRiskQuerySchema.parse({ assessmentId }));
    expect([report.window, report.schoolYear]).toEqual(["winter", "2026-27"]);
    expect(report.rows.map((r) => r.score)).toEqual(expect.arrayContaining([29, 30, 49, 59]));
  });

  it("knows every year and window with results: the latest year first, in it the latest window", async () => {
    // Two earlier years' results, recorded after the winter ones: the fall of 2024-25 and the
    // spring and fall of 2025-26.
    const student = byScore.get(75)!;
    for (const [window, administeredOn] of [
      ["fall", "2024-09-20"],
      ["spring", "2026-04-20"],
      ["fall", "2025-09-20"],
    ] as const) {
      await recordAssessmentResult(
        ctx(specialist),
        assessmentResultInputSchema.parse({
          assessmentId,
          studentId: student,
          window,
          administeredOn,
          score: 80,
        }),
      );
    }
    const latest = await atRiskReport(ctx(specialist), atRiskQuerySchema.parse({ assessmentId }));
    expect([latest.window, latest.schoolYear, latest.schoolYears]).toEqual([
      "winter",
      "2026-27",
      ["2026-27"],
    ]);
    const falls = await atRiskReport(ctx(specialist), query({ window: "fall" }));
    expect(falls.schoolYears).toEqual(["2025-26", "2024-25"]);
    // No fall results this year yet: the latest year with a fall is shown.
    expect(falls.schoolYear).toBe("2025-26");
    const springs = await atRiskReport(ctx(specialist), query({ window: "spring" }));
    expect(springs.schoolYears).toEqual(["2025-26"]);
  });

  it("offers the teachers of the school chosen and the teacher chosen, never the whole district's", async () => {
    const teacher = await loadDemoActor(handle.db, "teacher@maplegrove.example");
    const taughtAt = (staffIds: string[]) =>
      withTenant(handle.db, specialist, (tx) =>
        tx
          .selectDistinct({ schoolId: sections.schoolId })
          .from(sections)
          .where(inArray(sections.teacherId, staffIds)),
      );
    const [{ schoolId }] = (await taughtAt([teacher.staffId!])) as [{ schoolId: string }];

    expect((await atRiskReportChoices(ctx(specialist), {})).teachers).toEqual([]);
    const ofSchool = (await atRiskReportChoices(ctx(specialist), { schoolId })).teachers;
    expect(ofSchool.map((t) => t.id)).toContain(teacher.staffId);
    // A listed teacher may teach elsewhere too, but each teaches at the school chosen.
    const schoolsOfEach = await Promise.all(ofSchool.map((t) => taughtAt([t.id])));
    expect(schoolsOfEach.every((rows) => rows.some((r) => r.schoolId === schoolId))).toBe(true);

    const chosen = await atRiskReportChoices(ctx(specialist), { teacherId: teacher.staffId! });
    expect(chosen.teachers.map((t) => t.id)).toEqual([teacher.staffId]);
    expect(
      (await atRiskReportChoices(ctx(specialist), { schoolId: "not-a-school" })).teachers,
    ).toEqual([]);
    const cedar = await loadDemoActor(handle.db, "specialist@cedarridge.example");
    expect((await atRiskReportChoices(ctx(cedar), { schoolId })).teachers).toEqual([]);
  });

  it("is for specialists and admins only, and another district's assessment does not exist", async () => {
    const teacher = await loadDemoActor(handle.db, "teacher@maplegrove.example");
    await expect(atRiskReport(ctx(teacher), query())).rejects.toBeInstanceOf(ForbiddenError);
    const cedar = await loadDemoActor(handle.db, "specialist@cedarridge.example");
    await expect(atRiskReport(ctx(cedar), query())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("assessment results import", () => {
  it("lands good rows and reports bad ones by line; a re-import changes nothing", async () => {
    const [a, b] = grade3;
    const csv = [
      "Student ID,Assessment,Season,Test Date,Scaled Score,Percentile",
      `${a!.localId},Boundary Reading Screener,spring,2027-04-20,71,55`,
      `NOPE-1,Boundary Reading Screener,spring,2027-04-20,40,`,
      `${b!.localId},Unknown Test,spring,2027-04-20,40,`,
      `${b!.localId},Boundary Reading Screener,summer,2027-04-20,40,`,
      `${b!.localId},Boundary Reading Screener,spring,2027-04-20,140,`,
      `${b!.localId},Boundary Reading Screener,spring,2027-02-30,40,`,
      `${b!.localId},Boundary Reading Screener,spring,2027-04-20,45,`,
      `${b!.localId},Boundary Reading Screener,spring,2027-04-21,46,`,
    ].join("\n");
    const file = {
      name: "spring.csv",
      open: async function* () {
        yield Buffer.from(csv);
      },
    };
    const first = await importAssessmentResults(ctx(specialist), file);
    expect(first.summary.results).toEqual({
      created: 2,
      updated: 0,
      deactivated: 0,
      unchanged: 0,
      rejected: 6,
    });
    expect(first.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "student NOPE-1 is not an active student of the district."],
      [4, 'assessment "Unknown Test" is not in the catalogue.'],
      [5, 'window "summer" is not fall, winter or spring.'],
      [6, "score 140 is outside Boundary Reading Screener's scale (0–100)."],
      [7, 'date "2027-02-30" is not a date (YYYY-MM-DD).'],
      [
        9,
        "a spring 2026-27 result for this student and assessment appears again (first on line 8).",
      ],
    ]);
    const again = await importAssessmentResults(ctx(specialist), file);
    expect(again.unchanged).toBe(true);
    expect(again.summary.results).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 6,
    });
  });

  it("refuses a file without the needed columns", async () => {
    const file = {
      name: "roster.csv",
      open: async function* () {
        yield Buffer.from("id,name\n1,Ana\n");
      },
    };
    await expect(importAssessmentResults(ctx(specialist), file)).rejects.toThrow(
      /roster\.csv is not a results file: it has no student, assessment, window, date, score column/,
    );
  });
});
