import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { canReadTimeFacts } from "@/lib/domain/policy/time-facts";
import { ABSENCE_KINDS } from "@/lib/domain/scheduling/kinds";
import { ABSENCE_KIND_LABELS } from "@/lib/domain/scheduling/time-facts-schemas";
import { contextFor, requireActor } from "@/lib/server/actor";
import { getStaffTime, type StaffTimePerson } from "@/lib/use-cases/scheduling/get-staff-time";
import { AdminPageHeader } from "../admin-page-header";
import { ActionForm, type FieldSpec } from "../schedule/action-form";
import { type EditableRow, RowsEditor } from "../schedule/rows-editor";
import {
  addAbsenceAction,
  removeAbsenceAction,
  setCaseloadCapAction,
  setWorkingHoursAction,
} from "./actions";
import { WeekHoursForm } from "./week-hours-form";

export const metadata: Metadata = { title: "Staff time" };

const ABSENCE_FIELDS: FieldSpec[] = [
  {
    name: "kind",
    label: "Why",
    kind: "select",
    options: ABSENCE_KINDS.map((k) => ({ value: k, label: ABSENCE_KIND_LABELS[k] })),
  },
  { name: "startsOn", label: "First day", kind: "date" },
  { name: "endsOn", label: "Last day", kind: "date" },
  { name: "startTime", label: "From (optional)", kind: "time", hint: "Empty: whole days" },
  { name: "endTime", label: "To (optional)", kind: "time" },
  { name: "note", label: "Note", kind: "text" },
];

function hoursSummary(person: StaffTimePerson): string {
  if (person.workingHours.length === 0) return "Hours not kept";
  const spans = new Set(person.workingHours.map((h) => `${h.startTime}–${h.endTime}`));
  const days = person.workingHours.map((h) => h.weekday).join(" ");
  return spans.size === 1 ? `${days} ${[...spans][0]}` : `${days} (varies)`;
}

function PersonTime({
  person,
  canEdit,
  today,
}: {
  person: StaffTimePerson;
  canEdit: boolean;
  today: string;
}) {
  const absences: EditableRow[] = person.absences.map((a) => ({
    id: a.id,
    cells: [
      ABSENCE_KIND_LABELS[a.kind],
      a.startsOn === a.endsOn ? a.startsOn : `${a.startsOn} to ${a.endsOn}`,
      a.startTime ? `${a.startTime}–${a.endTime}` : "Whole day",
      a.note ?? "",
    ],
    values: {},
  }));
  const prefix = `staff-${person.id}`;
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3" data-testid="staff-time">
      <summary className="cursor-pointer">
        <span className="font-semibold">{person.displayName}</span>
        {person.title ? <span className="text-slate-600"> · {person.title}</span> : null}
        <span className="block text-sm text-slate-700">
          {hoursSummary(person)} · caseload cap {person.caseloadCap ?? "none"} ·{" "}
          {person.absences.length} absence{person.absences.length === 1 ? "" : "s"} ahead
        </span>
      </summary>
      <div className="mt-4 space-y-5">
        <section className="space-y-2">
          <h3 className="font-semibold">Working hours</h3>
          {canEdit ? (
            <WeekHoursForm
              staffId={person.id}
              initial={Object.fromEntries(person.workingHours.map((h) => [h.weekday, h]))}
              action={setWorkingHoursAction}
            />
          ) : (
            <p className="text-sm">{hoursSummary(person)}</p>
          )}
        </section>
        <section className="space-y-2">
          <h3 className="font-semibold">Absences from today on</h3>
          <RowsEditor
            idPrefix={`${prefix}-absence`}
            noun="Absence"
            columns={["Why", "Days", "Time", "Note"]}
            rows={absences}
            fields={ABSENCE_FIELDS}
            blank={{
              kind: "leave",
              startsOn: today,
              endsOn: today,
              startTime: "",
              endTime: "",
              note: "",
            }}
            hidden={{ staffId: person.id }}
            canEdit={canEdit}
            save={addAbsenceAction}
            remove={removeAbsenceAction}
            editable={false}
          />
        </section>
        <section className="space-y-2">
          <h3 className="font-semibold">Caseload cap</h3>
          {canEdit ? (
            <ActionForm
              idPrefix={`${prefix}-cap`}
              action={setCaseloadCapAction}
              fields={[
                {
                  name: "caseloadCap",
                  label: "Most students in active groups at once",
                  kind: "number",
                  hint: "Empty: no cap",
                },
              ]}
              initial={{
                caseloadCap: person.caseloadCap === null ? "" : String(person.caseloadCap),
              }}
              hidden={{ staffId: person.id }}
              submitLabel="Save cap"
            />
          ) : (
            <p className="text-sm">{person.caseloadCap ?? "No cap"}</p>
          )}
        </section>
      </div>
    </details>
  );
}

export default async function StaffTimePage() {
  const actor = await requireActor();
  if (!canReadTimeFacts(actor)) notFound();
  const time = await getStaffTime(contextFor(actor));
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Staff time">
        When each person works, when they are away (leave, training), and how many students a
        facilitator may have in active groups at once. A person without working hours is not checked
        against them.{time.canEdit ? "" : " Only district admins change them."}
      </AdminPageHeader>
      <Card className="space-y-3">
        {time.staff.map((person) => (
          <PersonTime key={person.id} person={person} canEdit={time.canEdit} today={time.today} />
        ))}
      </Card>
    </div>
  );
}
