import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportHeader } from "@/components/reports/report-header";
import { UtilizationChart } from "@/components/resources/utilization-chart";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { InputField, Options } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterSelect } from "@/components/ui/filter-select";
import { TextLink } from "@/components/ui/text-link";
import { formatDate, formatInstant } from "@/lib/domain/calendar/format";
import { ValidationError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { formatNumber, formatPercent } from "@/lib/domain/progress/format";
import { utilizationQuerySchema } from "@/lib/domain/scheduling/utilization";
import { firstParams, type SearchParams } from "@/lib/domain/search-params";
import { contextFor, requireActor } from "@/lib/server/actor";
import { orNotFound } from "@/lib/server/page";
import { resourceUtilization } from "@/lib/use-cases/resources/resource-utilization";

export const metadata: Metadata = { title: "Resource utilization" };

const KIND_LABELS = {
  room: "Room",
  curriculum: "Curriculum",
  material: "Materials",
  equipment: "Equipment",
} as const;

/**
 * Issue 10's utilization report for admins: per school and room or resource, hours booked
 * against hours available per week, peak units in use and idle ones, with a chart and the CSV
 * export (GET /api/v1/reports/resource-utilization?format=csv).
 */
export default async function ResourceUtilizationPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const params = await searchParams;
  const parsed = utilizationQuerySchema.safeParse(firstParams(params, ["from", "to", "schoolId"]));
  const report = parsed.success
    ? await orNotFound(
        resourceUtilization(contextFor(actor), parsed.data).catch((error: unknown) => {
          if (error instanceof ValidationError) return error;
          throw error;
        }),
      )
    : null;
  if (report === null || report instanceof ValidationError) {
    const message =
      (report instanceof ValidationError
        ? report.errors[0]?.message
        : parsed.success
          ? undefined
          : parsed.error.issues[0]?.message) ?? "These dates cannot be read.";
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Resource utilization</h1>
        <p role="alert" className="text-red-700">
          {message}
        </p>
        <TextLink href="/reports/resources">Show the next four weeks</TextLink>
      </div>
    );
  }
  const narrowing = {
    from: report.from,
    to: report.to,
    ...(report.schoolId ? { schoolId: report.schoolId } : {}),
  };
  const csvHref = `/api/v1/reports/resource-utilization?${new URLSearchParams({ ...narrowing, format: "csv" })}`;
  const bars = report.rows
    .filter((r) => !r.idle)
    .sort((a, b) => b.averageWeeklyHoursBooked - a.averageWeeklyHoursBooked)
    .map((r) => ({
      key: `${r.kind}:${r.id}`,
      label: `${r.name} (${r.schoolName})`,
      booked: r.averageWeeklyHoursBooked,
      available: r.averageWeeklyHoursAvailable,
    }));
  const idle = report.rows.filter((r) => r.idle);

  return (
    <div className="space-y-6">
      <ReportHeader title="Resource utilization" exportHref={csvHref}>
        {formatDate(report.from)} to {formatDate(report.to)}: {report.instructionalDays}{" "}
        instructional days. Each room and each unit of a resource counts as available 6 hours a
        school day; sessions book their room and the units their group needs.
      </ReportHeader>

      <Card>
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
          aria-label="Utilization filters"
        >
          <InputField
            id="utilization-from"
            label="From"
            name="from"
            type="date"
            defaultValue={report.from}
          />
          <InputField
            id="utilization-to"
            label="To"
            name="to"
            type="date"
            defaultValue={report.to}
          />
          <FilterSelect
            id="utilization-schoolId"
            label="School"
            name="schoolId"
            value={report.schoolId ?? undefined}
            any="All schools"
          >
            <Options items={report.schools} label={(s) => s.name} />
          </FilterSelect>
          <FilterActions submitLabel="Show" clearHref="/reports/resources" />
        </form>
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Hours booked against hours available per week</h2>
        {bars.length === 0 ? (
          <p className="text-slate-700">Nothing was booked in this period.</p>
        ) : (
          <UtilizationChart bars={bars} />
        )}
        {idle.length > 0 ? (
          <p className="text-sm text-slate-700" data-testid="idle-resources">
            Idle in this period: {idle.map((r) => `${r.name} (${r.schoolName})`).join(", ")}.
          </p>
        ) : null}
      </Card>

      <Card>
        <DataTable
          caption="Utilization per room and resource"
          columns={[
            "School",
            "Room or resource",
            "Units",
            "Booked h / week",
            "Available h / week",
            "Utilization",
            "Peak in use",
          ]}
          headCellClassName="py-2 pr-3"
          data-testid="utilization-table"
        >
          {report.rows.map((r) => (
            <DataRow key={`${r.kind}:${r.id}`}>
              <td className="py-2 pr-3">{r.schoolName}</td>
              <td className="py-2 pr-3 font-medium">
                {r.name}
                <span className="block text-xs text-slate-600">{KIND_LABELS[r.kind]}</span>
              </td>
              <td className="py-2 pr-3">{r.units}</td>
              <td className="py-2 pr-3">{formatNumber(r.averageWeeklyHoursBooked, 1)}</td>
              <td className="py-2 pr-3">{formatNumber(r.averageWeeklyHoursAvailable, 1)}</td>
              <td className="py-2 pr-3">
                {r.utilization === null ? "—" : formatPercent(r.utilization)}
                {r.idle ? <span className="ml-1 text-xs text-amber-800">idle</span> : null}
              </td>
              <td className="py-2 pr-3">
                {r.peakUnits} of {r.units}
                {r.peakAt !== null ? (
                  <span className="block text-xs text-slate-600">
                    first at {formatInstant(new Date(r.peakAt), actor.timeZone)}
                  </span>
                ) : null}
              </td>
            </DataRow>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
