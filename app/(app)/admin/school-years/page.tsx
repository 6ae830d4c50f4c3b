import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/domain/calendar/format";
import { canManageSchoolYears } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listSchoolYears } from "@/lib/use-cases/school-years/list-school-years";
import { AdminPageHeader } from "../admin-page-header";
import { ActionForm, type FieldSpec } from "../schedule/action-form";
import { type EditableRow, RowsEditor } from "../schedule/rows-editor";
import {
  addReportingPeriodAction,
  addSchoolYearAction,
  closeSchoolYearAction,
  removeReportingPeriodAction,
} from "./actions";
import { RolloverForm } from "./rollover-form";

export const metadata: Metadata = { title: "School years" };

const PERIOD_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name", kind: "text", hint: "e.g. Quarter 1" },
  { name: "endsOn", label: "Last day", kind: "date" },
];

const YEAR_FIELDS: FieldSpec[] = [
  { name: "firstDay", label: "First day of instruction", kind: "date" },
  { name: "lastDay", label: "Last day of instruction", kind: "date" },
];

export default async function SchoolYearsPage() {
  const actor = await requireActor();
  if (!canManageSchoolYears(actor)) notFound();
  const view = await listSchoolYears(contextFor(actor));
  const rollover = view.rollover;

  return (
    <div className="space-y-6">
      <AdminPageHeader title="School years">
        Each year's first and last days of instruction. Groups skip the summer between two years
        like a holiday; closing a year decides which groups continue into the next one, and keeps
        every student's tier.
      </AdminPageHeader>

      <Card aria-labelledby="years-heading" className="space-y-3">
        <h2 id="years-heading" className="text-lg font-semibold">
          Years
        </h2>
        {view.items.length === 0 ? (
          <p className="text-slate-700">No school year is entered yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">First day</th>
                <th scope="col">Last day</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((year) => (
                <tr key={year.id} data-testid="school-year">
                  <td className="py-1 font-medium">{year.label}</td>
                  <td>{formatDate(year.firstDay)}</td>
                  <td>{formatDate(year.lastDay)}</td>
                  <td>{year.status === "closed" ? "Closed" : "Open"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 className="pt-2 font-semibold">Enter a school year</h3>
        <ActionForm
          idPrefix="new-year"
          action={addSchoolYearAction}
          fields={YEAR_FIELDS}
          initial={{
            firstDay: view.suggestedNext?.firstDay ?? "",
            lastDay: view.suggestedNext?.lastDay ?? "",
          }}
          submitLabel="Add the year"
        />
      </Card>

      <Card aria-labelledby="periods-heading" className="space-y-4">
        <div>
          <h2 id="periods-heading" className="text-lg font-semibold">
            Reporting periods
          </h2>
          <p className="text-sm text-slate-700">
            Quarters or trimesters by their last day. After each one ends, every family of a child
            in a group during it gets a progress summary in their language, once.
          </p>
        </div>
        {view.items.map((year) => {
          const rows: EditableRow[] = view.reportingPeriods
            .filter((period) => period.schoolYearId === year.id)
            .map((period) => ({
              id: period.id,
              cells: [
                period.name,
                formatDate(period.endsOn),
                period.summaries > 0 ? `${period.summaries} sent or held` : "Not yet",
              ],
              values: {},
            }));
          return (
            <section
              key={year.id}
              className="space-y-2"
              aria-label={`Reporting periods of ${year.label}`}
            >
              <h3 className="font-semibold">{year.label}</h3>
              <RowsEditor
                idPrefix={`periods-${year.id}`}
                noun="Reporting period"
                columns={["Period", "Last day", "Summaries"]}
                rows={rows}
                fields={PERIOD_FIELDS}
                blank={{ name: "", endsOn: "" }}
                hidden={{ schoolYearId: year.id }}
                canEdit
                save={addReportingPeriodAction}
                remove={removeReportingPeriodAction}
                editable={false}
              />
            </section>
          );
        })}
      </Card>

      {rollover ? (
        <Card aria-labelledby="rollover-heading" className="space-y-3">
          <h2 id="rollover-heading" className="text-lg font-semibold">
            Close {rollover.year.label}
          </h2>
          {rollover.next ? (
            <RolloverForm
              action={closeSchoolYearAction}
              yearId={rollover.year.id}
              yearLabel={rollover.year.label}
              lastDay={rollover.year.lastDay}
              nextLabel={rollover.next.label}
              nextFirstDay={rollover.next.firstDay}
              groups={rollover.groups}
              tieredStudents={rollover.tieredStudents}
            />
          ) : (
            <p className="text-slate-700">
              Enter the year after {rollover.year.label} first: groups that continue are planned on
              its calendar.
            </p>
          )}
        </Card>
      ) : null}
    </div>
  );
}
