import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  lt,
  type SQL,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type {
  AtRiskCuts,
  AtRiskRow,
  AtRiskSort,
  CurrentIntervention,
} from "@/lib/domain/reports/at-risk";
import type { CutScores, ScreeningWindow, Tier } from "@/lib/domain/screening";
import type { Tx } from "../client";
import {
  assessmentResults,
  interventionEnrollments,
  interventions,
  schools,
  sectionStudents,
  sections,
  staff,
  students,
} from "../schema";
import { tenantJoin } from "./tenant-join";

/**
 * The at-risk report's rows, filtered, sorted and paged by PostgreSQL (issue 15, item 4): a
 * page reads its 50 rows and a count, the CSV reads through a cursor in batches; neither holds
 * the district's list in Node.
 */

export interface AtRiskFilter {
  assessmentId: string;
  window: ScreeningWindow;
  schoolYear: string;
  schoolId?: string;
  grade?: number;
  teacherId?: string;
  /** The window's cuts by grade, from the catalogue's resolver (`atRiskCuts`). */
  cuts: AtRiskCuts;
  /** Only these students (the export's disclosure named them before any row left). */
  onlyStudentIds?: readonly string[];
}

export interface AtRiskOrder {
  sort: AtRiskSort;
  direction: "asc" | "desc";
}

/** The student's cut of one kind: their grade's own entry, else the window's for every grade. */
function cutOf(cuts: AtRiskCuts, key: keyof CutScores): SQL<number> {
  const other = sql`${cuts.other[key]}::float8`;
  if (cuts.byGrade.length === 0) return sql<number>`${other}`;
  const whens = cuts.byGrade.map(
    (g) => sql`when ${students.grade} = ${g.grade}::int then ${g.cuts[key]}::float8`,
  );
  return sql<number>`(case ${sql.join(whens, sql` `)} else ${other} end)`;
}

/**
 * `recommendTier` (lib/domain/screening/cut-scores.ts) in SQL, the one place the query states
 * it: at or above the Tier 1 cut Tier 1, at or above the Tier 2 cut Tier 2, else Tier 3. At
 * risk is "not Tier 1". lib/use-cases/reports/at-risk-scale.int.test.ts checks the two agree.
 */
function recommendedTierOf(cuts: AtRiskCuts): SQL<Tier> {
  const score = assessmentResults.score;
  return sql<Tier>`(case when ${score} >= ${cutOf(cuts, "tier1Min")} then 1
    when ${score} >= ${cutOf(cuts, "tier2Min")} then 2 else 3 end)`;
}

/**
 * The highest Tier 1 cut of any grade: every student at risk scored below it. Stated as a plain
 * condition on the score beside the rule, it lets PostgreSQL estimate how few results are left
 * and join those to their students, rather than all the district's students to all results.
 */
function highestTier1Cut(cuts: AtRiskCuts): number {
  return Math.max(cuts.other.tier1Min, ...cuts.byGrade.map((g) => g.cuts.tier1Min));
}

/** The report's filter as conditions on the results joined to their students. */
export function conditionsOf(tx: Tx, tenantId: string, filter: AtRiskFilter): SQL[] {
  const conditions: SQL[] = [
    eq(assessmentResults.tenantId, tenantId),
    eq(assessmentResults.assessmentId, filter.assessmentId),
    eq(assessmentResults.window, filter.window),
    eq(assessmentResults.schoolYear, filter.schoolYear),
    eq(students.active, true),
    sql`${recommendedTierOf(filter.cuts)} <> 1`,
    lt(assessmentResults.score, highestTier1Cut(filter.cuts)),
  ];
  if (filter.schoolId) conditions.push(eq(students.schoolId, filter.schoolId));
  if (filter.grade !== undefined) conditions.push(eq(students.grade, filter.grade));
  if (filter.onlyStudentIds) {
    // One parameter in array form: the ids came from the database, so they are plain uuids.
    const ids = `{${filter.onlyStudentIds.join(",")}}`;
    conditions.push(sql`${students.id} = any(${ids}::uuid[])`);
  }
  if (filter.teacherId) {
    conditions.push(
      inArray(
        students.id,
        tx
          .select({ id: sectionStudents.studentId })
          .from(sectionStudents)
          .innerJoin(sections, tenantJoin(sections.id, sectionStudents.sectionId))
          .where(and(eq(sections.tenantId, tenantId), eq(sections.teacherId, filter.teacherId))),
      ),
    );
  }
  return conditions;
}

/** The names the rows come back under (from the page's subquery or the export's cursor). */
const OUT = {
  score: "score",
  lastName: "last_name",
  firstName: "first_name",
  studentId: "student_id",
  grade: "grade",
  schoolName: "school_name",
  recommendedTier: "recommended_tier",
  currentTier: "current_tier",
} as const;
type OrderKey = keyof typeof OUT;

/** The chosen column, then name (last, first) and id ascending so equal values keep one order. */
function orderOf(col: (key: OrderKey) => SQLWrapper, { sort, direction }: AtRiskOrder): SQL[] {
  const dir = direction === "asc" ? asc : desc;
  const tieBreak = [asc(col("lastName")), asc(col("firstName")), asc(col("studentId"))];
  const first: Record<AtRiskSort, SQL[]> = {
    score: [dir(col("score"))],
    name: [dir(col("lastName")), dir(col("firstName")), dir(col("studentId"))],
    grade: [dir(col("grade"))],
    school: [dir(col("schoolName"))],
    // "Most in need first" reads naturally as ascending on this column.
    recommendedTier: [(direction === "asc" ? desc : asc)(col("recommendedTier"))],
    currentTier: [dir(col("currentTier"))],
  };
  return [...first[sort], ...tieBreak];
}

/** The student's active enrollments in groups that are planned or running, as JSON. */
const currentInterventions = (tenantId: string, studentId: SQL) => sql`coalesce((
  select json_agg(json_build_object('id', i.id, 'name', i.intervention_name, 'tier', i.tier_level)
                  order by i.tier_level desc, i.intervention_name)
  from ${interventionEnrollments} e
  join ${interventions} i on i.tenant_id = e.tenant_id and i.id = e.intervention_id
  where e.tenant_id = ${tenantId} and e.student_id = ${studentId}
    and e.is_active and i.status in ('planned', 'active')), '[]'::json)`;

/** Display names of the teachers whose class rosters the student is on. */
const teacherNames = (tenantId: string, studentId: SQL) => sql`coalesce((
  select array_agg(distinct t.display_name order by t.display_name)
  from ${sectionStudents} ss
  join ${sections} s on s.tenant_id = ss.tenant_id and s.id = ss.section_id
  join ${staff} t on t.tenant_id = s.tenant_id and t.id = s.teacher_id
  where ss.tenant_id = ${tenantId} and ss.student_id = ${studentId}), '{}')`;

/** The matching students in order, each row's own columns only; `limit`/`offset` when paged. */
function matching(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
  order: AtRiskOrder,
  window?: PageWindow,
) {
  const tier = recommendedTierOf(filter.cuts);
  const columns: Record<OrderKey, SQLWrapper> = {
    score: assessmentResults.score,
    lastName: students.lastName,
    firstName: students.firstName,
    studentId: students.id,
    grade: students.grade,
    schoolName: schools.name,
    recommendedTier: tier,
    currentTier: students.currentTier,
  };
  const query = tx
    .select({
      studentId: sql`${students.id}`.as(OUT.studentId),
      firstName: sql`${students.firstName}`.as(OUT.firstName),
      lastName: sql`${students.lastName}`.as(OUT.lastName),
      localId: sql`${students.localId}`.as("local_id"),
      grade: sql`${students.grade}`.as(OUT.grade),
      schoolId: sql`${students.schoolId}`.as("school_id"),
      schoolName: sql`${schools.name}`.as(OUT.schoolName),
      currentTier: sql`${students.currentTier}`.as(OUT.currentTier),
      score: sql`${assessmentResults.score}`.as(OUT.score),
      percentile: sql`${assessmentResults.percentile}`.as("percentile"),
      administeredOn: sql`${assessmentResults.administeredOn}::text`.as("administered_on"),
      tier1Cut: sql`${cutOf(filter.cuts, "tier1Min")}`.as("tier1_cut"),
      recommendedTier: sql`${tier}`.as(OUT.recommendedTier),
      // The page's total in the same pass: counted before the limit, not in a second scan.
      ...(window ? { total: sql`count(*) over ()`.as("total") } : {}),
    })
    .from(assessmentResults)
    .innerJoin(students, tenantJoin(students.id, assessmentResults.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(...conditionsOf(tx, tenantId, filter)))
    .orderBy(...orderOf((key) => columns[key], order));
  return window ? query.limit(window.limit).offset(window.offset) : query;
}

/** The rows with what each student already receives, read for the matching rows only. */
function withCurrent(tenantId: string, rows: SQL, order: AtRiskOrder): SQL {
  const id = sql`r.${sql.identifier(OUT.studentId)}`;
  return sql`select r.*, ${currentInterventions(tenantId, id)} as interventions,
      ${teacherNames(tenantId, id)} as teachers
    from ${rows} r
    order by ${sql.join(
      orderOf((key) => sql`r.${sql.identifier(OUT[key])}`, order),
      sql`, `,
    )}`;
}

export type RawRow = Record<string, unknown>;

/** A row as the page's or the export's statement returns it. */
export function rowOf(raw: RawRow): AtRiskRow {
  return {
    studentId: raw.student_id as string,
    firstName: raw.first_name as string,
    lastName: raw.last_name as string,
    localId: raw.local_id as string,
    grade: Number(raw.grade),
    schoolId: raw.school_id as string,
    schoolName: raw.school_name as string,
    currentTier: Number(raw.current_tier),
    score: Number(raw.score),
    percentile: raw.percentile == null ? null : Number(raw.percentile),
    administeredOn: raw.administered_on as string,
    tier1Cut: Number(raw.tier1_cut),
    recommendedTier: Number(raw.recommended_tier) as Tier,
    interventions: raw.interventions as CurrentIntervention[],
    teachers: raw.teachers as string[],
  };
}

/** How many students the filter matches: the report's total. */
export async function countAtRisk(tx: Tx, tenantId: string, filter: AtRiskFilter) {
  const [row] = await tx
    .select({ n: count() })
    .from(assessmentResults)
    .innerJoin(students, tenantJoin(students.id, assessmentResults.studentId))
    .where(and(...conditionsOf(tx, tenantId, filter)));
  return row?.n ?? 0;
}

interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * The statement of a page (or, without one, of every row for the export): the matching rows
 * sorted and cut to the page first, and only then, for those, the interventions and teachers
 * (lib/use-cases/reports/at-risk-scale.int.test.ts explains it).
 */
export function atRiskStatement(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
  order: AtRiskOrder,
  page?: PageWindow,
): SQL {
  return withCurrent(tenantId, sql`${matching(tx, tenantId, filter, order, page)}`, order);
}

/**
 * One page of the report: at most `limit` rows, sorted, skipping `offset`, and how many rows
 * match in all (null when the page is past the last: no row carried the count).
 */
export async function atRiskPage(
  tx: Tx,
  tenantId: string,
  filter: AtRiskFilter,
  order: AtRiskOrder,
  page: PageWindow,
): Promise<{ rows: AtRiskRow[]; total: number | null }> {
  const rows = await tx.execute<RawRow>(atRiskStatement(tx, tenantId, filter, order, page));
  return { rows: [...rows].map(rowOf), total: rows[0] ? Number(rows[0].total) : null };
}
