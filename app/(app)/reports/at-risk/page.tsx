import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { gradeLabel } from "@/components/interventions/format";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Options, SelectField } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageLinks } from "@/components/ui/page-links";
import { seesAllStudents } from "@/lib/domain/policy";
import { WINDOW_LABELS } from "@/lib/domain/reports/assessment-catalogue";
import { AT_RISK_SORTS, atRiskPageCount, atRiskQuerySchema } from "@/lib/domain/reports/at-risk";
import { SCREENING_WINDOWS } from "@/lib/domain/screening";
import { firstParam } from "@/lib/domain/search-params";
import { contextFor, requireActor } from "@/lib/server/actor";
import { orNotFound } from "@/lib/server/page";
import { atRiskReport } from "@/lib/use-cases/reports/at-risk-report";
import { atRiskReportChoices } from "@/lib/use-cases/reports/at-risk-report-choices";
import { AtRiskTable } from "./at-risk-table";

export const metadata: Metadata = { title: "At-risk students" };

type Params = Record<string, string | string[] | undefined>;

/** Scenario 2: students below the Tier 1 cut on a screening, to be picked for a new group. */
export default async function AtRiskPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor();
  if (!seesAllStudents(actor)) notFound();
  const ctx = contextFor(actor);
  const params = await searchParams;
  const choices = await atRiskReportChoices(ctx, {
    schoolId: firstParam(params.schoolId),
    teacherId: firstParam(params.teacherId),
  });
  const first =
    choices.assessments.find((a) => a.subject.toLowerCase() === "reading") ??
    choices.assessments[0];

  if (!first) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">At-risk students</h1>
        <Card>
          <p>
            No screening assessments yet.{" "}
            <Link href="/admin/assessments" className="text-brand-700 underline">
              Add one and import its scores
            </Link>
            .
          </p>
        </Card>
      </div>
    );
  }

  const parsed = atRiskQuerySchema.safeParse({
    assessmentId: firstParam(params.assessmentId) ?? first.id,
    window: firstParam(params.window),
    schoolId: firstParam(params.schoolId),
    grade: firstParam(params.grade),
    teacherId: firstParam(params.teacherId),
    sort: firstParam(params.sort),
    direction: firstParam(params.direction),
    page: firstParam(params.page),
  });
  if (!parsed.success) notFound();
  const query = parsed.data;
  const report = await orNotFound(atRiskReport(ctx, query));

  const current = {
    assessmentId: report.assessment.id,
    window: report.window,
    ...(query.schoolId ? { schoolId: query.schoolId } : {}),
    ...(query.grade !== undefined ? { grade: String(query.grade) } : {}),
    ...(query.teacherId ? { teacherId: query.teacherId } : {}),
  };
  const exportHref = `/api/v1/reports/at-risk?${new URLSearchParams({ ...current, sort: query.sort, direction: query.direction, format: "csv" })}`;
  const grades = [
    ...new Set(
      choices.schools.flatMap((s) =>
        Array.from({ length: s.highestGrade - s.lowestGrade + 1 }, (_, i) => s.lowestGrade + i),
      ),
    ),
  ].sort((a, b) => a - b);
  // The optional narrowings, each a query parameter (and the select's id) with an "all" choice.
  const narrowings = [
    {
      name: "schoolId",
      label: "School",
      any: "All schools",
      value: query.schoolId,
      choices: choices.schools.map((s) => ({ id: s.id, label: s.name })),
    },
    {
      name: "grade",
      label: "Grade",
      any: "All grades",
      value: query.grade?.toString(),
      choices: grades.map((g) => ({
        id: String(g),
        label: g === 0 ? "Kindergarten" : `Grade ${gradeLabel(g)}`,
      })),
    },
    {
      name: "teacherId",
      label: "Teacher",
      // The teachers of the school chosen: "Show students" after picking a school lists them.
      any: query.schoolId ? "All teachers" : "All teachers (pick a school first)",
      value: query.teacherId,
      choices: choices.teachers.map((t) => ({ id: t.id, label: t.name })),
    },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">At-risk students</h1>
          <p className="max-w-3xl text-slate-700">
            Students who scored below the Tier 1 cut on {report.assessment.name} (
            {WINDOW_LABELS[report.window].toLowerCase()} {report.schoolYear}), with the tier their
            score recommends. Pick students and create an intervention for them.
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/admin/assessments" className={buttonClasses("secondary")}>
            Scores and cut scores
          </Link>
          <a href={exportHref} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        </div>
      </div>

      <Card>
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
          aria-label="Report filters"
        >
          <SelectField
            id="at-risk-assessmentId"
            label="Assessment"
            name="assessmentId"
            defaultValue={report.assessment.id}
            className="lg:col-span-2"
          >
            <Options
              items={choices.assessments}
              label={(a) => (
                <>
                  {a.name} ({a.subject})
                </>
              )}
            />
          </SelectField>
          <SelectField
            id="at-risk-window"
            label="Window"
            name="window"
            defaultValue={report.window}
          >
            <Options items={SCREENING_WINDOWS} label={(w) => WINDOW_LABELS[w]} />
          </SelectField>
          {narrowings.map((n) => (
            <FilterSelect
              key={n.name}
              id={`at-risk-${n.name}`}
              label={n.label}
              name={n.name}
              value={n.value}
              any={n.any}
            >
              <Options items={n.choices} label={(c) => c.label} />
            </FilterSelect>
          ))}
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="direction" value={query.direction} />
          <button type="submit" className={buttonClasses("primary", "lg:col-start-6")}>
            Show students
          </button>
        </form>
      </Card>

      <AtRiskTable
        rows={report.rows}
        total={report.total}
        firstRow={(report.page - 1) * report.pageSize + 1}
        subject={report.assessment.subject}
        sort={query.sort}
        direction={query.direction}
        sortHrefs={Object.fromEntries(
          AT_RISK_SORTS.map((sort) => [
            sort,
            `?${new URLSearchParams({ ...current, sort, direction: sort === query.sort && query.direction === "asc" ? "desc" : "asc" })}`,
          ]),
        )}
      />
      <PageLinks
        label="Pages of the report"
        page={report.page}
        pages={atRiskPageCount(report.total)}
        href={(page) =>
          `?${new URLSearchParams({ ...current, sort: query.sort, direction: query.direction, page: String(page) })}`
        }
      />
    </div>
  );
}
