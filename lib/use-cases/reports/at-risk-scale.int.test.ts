import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { atRiskStatement } from "@/db/queries/at-risk";
import { auditLog } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import type { Actor } from "@/lib/domain/policy";
import { catalogueOf, recommend } from "@/lib/domain/reports/assessment-catalogue";
import {
  AT_RISK_PAGE_SIZE,
  AT_RISK_SORTS,
  type AtRiskRow,
  type AtRiskSort,
  atRiskCuts,
  atRiskQuerySchema,
} from "@/lib/domain/reports/at-risk";
import { loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { atRiskReport } from "./at-risk-report";
import { exportAtRiskReport } from "./export-at-risk-report";

// Issue 15, item 4: the report is filtered, sorted and paged by PostgreSQL. A district of its
// own with a few thousand students, hand-built so the domain's rule (`recommend`, the
// reference) can say which rows and in which order; the SQL must agree page by page.
const STUDENTS = 3000;
const CUT_SCORES = [
  { tier1Min: 55, tier2Min: 35 },
  { window: "fall", tier1Min: 50, tier2Min: 30 },
  { window: "fall", grade: "0", tier1Min: 40, tier2Min: 20 },
  { window: "fall", grade: "3", tier1Min: 60, tier2Min: 40 },
  { window: "fall", grade: "3", tier1Min: 70, tier2Min: 45 },
  { window: "winter", grade: "5", tier1Min: 65, tier2Min: 45 },
];
const tenantId = randomUUID();
const assessmentId = randomUUID();
let owner: DatabaseHandle;
let app: DatabaseHandle;
let actor: Actor;
let facts: {
  id: string;
  lastName: string;
  firstName: string;
  grade: number;
  school: string;
  currentTier: number;
  score: number;
  active: boolean;
}[];

beforeAll(async () => {
  owner = connect(inject("ownerUrl"), { max: 2 });
  app = connect(inject("appUrl"), { max: 2 });
  const email = `h5-${tenantId.slice(0, 8)}@scale.example`;
  await withTenant(owner.db, { tenantId }, async (tx) => {
    const uid = (name: string, expr: string) =>
      sql.raw(
        `overlay(overlay(md5('${tenantId}${name}' || (${expr})) placing '4' from 13) placing '8' from 17)::uuid`,
      );
    await tx.execute(sql`insert into intervention.districts (id, name, slug, time_zone)
      values (${tenantId}, 'Scale Test District', ${`scale-${tenantId.slice(0, 8)}`}, 'America/Chicago')`);
    await tx.execute(sql`insert into intervention.schools (tenant_id, id, name, lowest_grade, highest_grade)
      select ${tenantId}, ${uid("school", "g")}, 'School ' || chr(64 + g), 0, 12 from generate_series(1, 3) g`);
    // Names repeat (ties broken by first name, then id); grades 0–12; every 40th inactive.
    await tx.execute(sql`insert into intervention.students
        (tenant_id, id, school_id, local_id, first_name, last_name, grade, current_tier, active)
      select ${tenantId}, ${uid("student", "g")}, ${uid("school", "g % 3 + 1")}, 'S' || g,
             'First' || (g % 7), 'Last' || lpad((g * 7919 % 400)::text, 3, '0'), g % 13,
             1 + g % 3, g % 40 <> 0
      from generate_series(1, ${sql.raw(String(STUDENTS))}) g`);
    await tx.execute(sql`insert into intervention.assessments (tenant_id, id, name, subject, cut_scores)
      values (${tenantId}, ${assessmentId}, 'Scale Screener', 'Reading', ${JSON.stringify(CUT_SCORES)}::jsonb)`);
    // Scores 0–100 and a few halves, so the boundaries (29.5, 30, 49.5, 50 …) are all met.
    await tx.execute(sql`insert into intervention.assessment_results
        (tenant_id, id, assessment_id, student_id, school_year, "window", administered_on, score)
      select ${tenantId}, ${uid("result", "g")}, ${assessmentId}, ${uid("student", "g")}, '2026-27',
             'fall', '2026-09-15', ((g * 37) % 101) + case when g % 11 = 0 then 0.5 else 0 end
      from generate_series(1, ${sql.raw(String(STUDENTS))}) g`);
    await tx.execute(sql`insert into intervention.users (tenant_id, id, email, password_hash, name, role)
      values (${tenantId}, ${randomUUID()}, ${email}, 'x', 'Scale Specialist', 'specialist')`);
    facts = (await tx.execute(sql`select s.id, s.last_name "lastName", s.first_name "firstName",
        s.grade, sc.name school, s.current_tier "currentTier", r.score, s.active
      from intervention.students s join intervention.schools sc on sc.id = s.school_id
      join intervention.assessment_results r on r.student_id = s.id
      where s.tenant_id = ${tenantId}`)) as unknown as typeof facts;
  });
  actor = await loadDemoActor(app.db, email);
});

afterAll(async () => {
  await owner.close();
  await app.close();
});

/** What the domain's rule says, sorted as the report promises (the names are ASCII). */
function expected(sort: AtRiskSort, direction: "asc" | "desc") {
  const catalogue = catalogueOf(CUT_SCORES);
  const rows = facts.flatMap((f) => {
    const { atRisk, tier, cuts } = recommend(catalogue, "fall", f.grade, f.score);
    return f.active && atRisk ? [{ ...f, recommendedTier: tier, tier1Cut: cuts.tier1Min }] : [];
  });
  type Row = (typeof rows)[number];
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const byName = (a: Row, b: Row) =>
    cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.id, b.id);
  const sign = direction === "asc" ? 1 : -1;
  const first: Record<AtRiskSort, (a: Row, b: Row) => number> = {
    score: (a, b) => sign * cmp(a.score, b.score),
    name: (a, b) => sign * byName(a, b),
    grade: (a, b) => sign * cmp(a.grade, b.grade),
    school: (a, b) => sign * cmp(a.school, b.school),
    recommendedTier: (a, b) => -sign * cmp(a.recommendedTier, b.recommendedTier),
    currentTier: (a, b) => sign * cmp(a.currentTier, b.currentTier),
  };
  return rows.sort((a, b) => first[sort](a, b) || byName(a, b));
}

const shape = (r: Pick<AtRiskRow, "studentId" | "score" | "recommendedTier" | "tier1Cut">) => [
  r.studentId,
  r.score,
  r.recommendedTier,
  r.tier1Cut,
];

describe("the at-risk query at a few thousand students", () => {
  // One case per order, so each has its own time limit and a failure names the order.
  const orders = AT_RISK_SORTS.flatMap((sort) =>
    (["asc", "desc"] as const).map((direction) => ({ sort, direction })),
  );
  it.each(orders)(
    "agrees with the domain's rule sorted by $sort $direction: the same students, tiers and cuts on the first, a middle and the last page",
    async ({ sort, direction }) => {
      const all = expected(sort, direction);
      expect(all.length).toBeGreaterThan(1000);
      const pages = Math.ceil(all.length / AT_RISK_PAGE_SIZE);
      for (const page of [1, 7, pages]) {
        const report = await atRiskReport(
          contextOf(app.db, actor),
          atRiskQuerySchema.parse({ assessmentId, window: "fall", sort, direction, page }),
        );
        const from = (page - 1) * AT_RISK_PAGE_SIZE;
        expect(report.total).toBe(all.length);
        expect(report.page).toBe(page);
        expect(report.rows.map(shape), `page ${page}`).toEqual(
          all.slice(from, from + AT_RISK_PAGE_SIZE).map((r) => shape({ ...r, studentId: r.id })),
        );
      }
    },
  );

  it("reads one page from PostgreSQL: the sort and the cut happen there, the per-student reads only for the page", async () => {
    const query = atRiskQuerySchema.parse({ assessmentId, window: "fall", sort: "name", page: 9 });
    const plan = await withTenant(app.db, actor, async (tx) => {
      const statement = atRiskStatement(
        tx,
        tenantId,
        {
          assessmentId,
          window: "fall",
          schoolYear: "2026-27",
          cuts: atRiskCuts(catalogueOf(CUT_SCORES), "fall"),
        },
        query,
        { limit: AT_RISK_PAGE_SIZE, offset: 8 * AT_RISK_PAGE_SIZE },
      );
      const [row] = await tx.execute(sql`explain (analyze, format json) ${statement}`);
      return (row as { "QUERY PLAN": unknown })["QUERY PLAN"];
    });
    // Every node of the plan, to find what left PostgreSQL and how often each subquery ran.
    const nodes: Record<string, unknown>[] = [];
    const walk = (node: Record<string, unknown>) => {
      nodes.push(node);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan);
    expect(nodes[0]!["Actual Rows"]).toBe(AT_RISK_PAGE_SIZE);
    const limit = nodes.find((n) => n["Node Type"] === "Limit");
    expect(limit?.["Actual Rows"]).toBe(AT_RISK_PAGE_SIZE);
    const subplans = nodes.filter((n) => n["Parent Relationship"] === "SubPlan");
    expect(subplans.length).toBeGreaterThanOrEqual(2);
    for (const subplan of subplans) expect(subplan["Actual Loops"]).toBe(AT_RISK_PAGE_SIZE);
  });

  it("logs the page's students as read, and a page past the last shows the last", async () => {
    const requestId = randomUUID();
    const report = await atRiskReport(
      contextOf(app.db, actor, requestId),
      atRiskQuerySchema.parse({ assessmentId, sort: "score", page: 9999 }),
    );
    const last = Math.ceil(report.total / AT_RISK_PAGE_SIZE);
    expect(report.page).toBe(last);
    expect(report.rows.length).toBe(report.total - (last - 1) * AT_RISK_PAGE_SIZE);
    const [read] = await withTenant(app.db, actor, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.requestId, requestId)),
    );
    expect(read?.action).toBe("student_list.read");
    expect(read?.after).toMatchObject({
      view: "at-risk-report",
      page: last,
      total: report.total,
      count: report.rows.length,
      studentIds: report.rows.map((r) => r.studentId),
    });
  });

  it("exports every row in order in batches, after a disclosure naming them all", async () => {
    const all = expected("score", "asc");
    const requestId = randomUUID();
    const exported = await exportAtRiskReport(
      contextOf(app.db, actor, requestId),
      atRiskQuerySchema.parse({ assessmentId, window: "fall" }),
    );
    // The disclosure and the read are committed before a single row is read for the file.
    const logged = await withTenant(app.db, actor, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.requestId, requestId)),
    );
    expect(logged.map((r) => r.action).sort()).toEqual([
      "disclosure.recorded",
      "student_list.read",
    ]);
    const read = logged.find((r) => r.action === "student_list.read");
    expect(new Set((read?.after as { studentIds?: string[] } | undefined)?.studentIds)).toEqual(
      new Set(all.map((r) => r.id)),
    );

    const batches: number[] = [];
    const file: string[] = [];
    await exported.eachBatch(async (rows) => {
      batches.push(rows.length);
      file.push(...rows.map((r) => r.studentId));
      return true;
    });
    expect(Math.max(...batches)).toBeLessThanOrEqual(1000);
    expect(batches.length).toBe(Math.ceil(all.length / 1000));
    expect(file).toEqual(all.map((r) => r.id));

    // A cancelled download stops after the batch it was reading.
    let taken = 0;
    await exported.eachBatch(async (rows) => {
      taken += rows.length;
      return false;
    });
    expect(taken).toBe(1000);
  });
});
