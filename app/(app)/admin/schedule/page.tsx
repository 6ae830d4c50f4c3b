import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { canReadTimeFacts } from "@/lib/domain/policy/time-facts";
import { PROTECTED_BLOCK_KINDS } from "@/lib/domain/scheduling/kinds";
import {
  PROTECTED_BLOCK_KIND_LABELS,
  SCHOOL_DAYS,
} from "@/lib/domain/scheduling/time-facts-schemas";
import { contextFor, requireActor } from "@/lib/server/actor";
import {
  getScheduleSettings,
  type ScheduleSettingsSchool,
} from "@/lib/use-cases/scheduling/get-schedule-settings";
import { AdminPageHeader } from "../admin-page-header";
import { ActionForm, type FieldSpec } from "./action-form";
import {
  deleteBellPeriodAction,
  deleteProtectedBlockAction,
  importBellScheduleAction,
  saveBellPeriodAction,
  saveProtectedBlockAction,
  saveRoomAction,
  setRotationAction,
  setScheduleOverrideAction,
} from "./actions";
import { BellScheduleUpload } from "./bell-schedule-upload";
import { type EditableRow, RowsEditor } from "./rows-editor";

export const metadata: Metadata = { title: "Schedule" };

const TIME_HINT = "HH:MM, 24-hour";
const gradeName = (grade: number) => (grade === 0 ? "K" : String(grade));
const DAY_OPTIONS = SCHOOL_DAYS.map((d) => ({ value: d, label: d }));

function bellPeriodFields(school: ScheduleSettingsSchool): FieldSpec[] {
  return [
    {
      name: "dayType",
      label: "Day",
      kind: "select",
      options: [
        { value: "", label: "Every day" },
        ...school.dayRotation.map((d) => ({ value: d, label: `Day ${d}` })),
      ],
    },
    { name: "label", label: "Period (as classes list it)", kind: "text" },
    { name: "startTime", label: "Starts", kind: "time", hint: TIME_HINT },
    { name: "endTime", label: "Ends", kind: "time", hint: TIME_HINT },
  ];
}

const BLOCK_FIELDS: FieldSpec[] = [
  {
    name: "grade",
    label: "Grade",
    kind: "select",
    options: [
      { value: "", label: "Whole school" },
      ...Array.from({ length: 13 }, (_, g) => ({
        value: String(g),
        label: `Grade ${gradeName(g)}`,
      })),
    ],
  },
  {
    name: "kind",
    label: "What it is for",
    kind: "select",
    options: PROTECTED_BLOCK_KINDS.map((k) => ({
      value: k,
      label: PROTECTED_BLOCK_KIND_LABELS[k],
    })),
  },
  { name: "label", label: "Name", kind: "text" },
  { name: "days", label: "Days", kind: "days", options: DAY_OPTIONS },
  { name: "startTime", label: "Starts", kind: "time", hint: TIME_HINT },
  { name: "endTime", label: "Ends", kind: "time", hint: TIME_HINT },
];

const ROOM_FIELDS: FieldSpec[] = [
  { name: "name", label: "Room", kind: "text" },
  { name: "capacity", label: "Capacity (students)", kind: "number", hint: "Empty: not known" },
];

function SchoolSchedule({ school, canEdit }: { school: ScheduleSettingsSchool; canEdit: boolean }) {
  const hidden = { schoolId: school.id };
  const periods: EditableRow[] = school.bellPeriods.map((p) => ({
    id: p.id,
    cells: [p.dayType ? `Day ${p.dayType}` : "Every day", p.label, p.startTime, p.endTime],
    values: { dayType: p.dayType, label: p.label, startTime: p.startTime, endTime: p.endTime },
  }));
  const blocks: EditableRow[] = school.protectedBlocks.map((b) => ({
    id: b.id,
    cells: [
      b.grade === null ? "Whole school" : `Grade ${gradeName(b.grade)}`,
      PROTECTED_BLOCK_KIND_LABELS[b.kind],
      b.label,
      b.days.join(" "),
      `${b.startTime}–${b.endTime}`,
    ],
    values: {
      grade: b.grade === null ? "" : String(b.grade),
      kind: b.kind,
      label: b.label,
      days: b.days,
      startTime: b.startTime,
      endTime: b.endTime,
    },
  }));
  const rooms: EditableRow[] = school.rooms.map((r) => ({
    id: r.id,
    cells: [r.name, r.capacity === null ? "—" : String(r.capacity)],
    values: { name: r.name, capacity: r.capacity === null ? "" : String(r.capacity) },
  }));
  const prefix = `school-${school.id}`;
  return (
    <Card className="space-y-5" data-testid="school-schedule">
      <h2 className="text-xl font-semibold">{school.name}</h2>
      <section className="space-y-2">
        <h3 className="font-semibold">Rotation days</h3>
        <p className="text-sm text-slate-700">
          {school.dayRotation.length === 0
            ? "Every day alike."
            : `${school.dayRotation.join(", ")}, from ${school.rotationStartsOn ?? "—"}: only school days count, so a holiday does not skip a letter.`}
        </p>
        {canEdit ? (
          <ActionForm
            idPrefix={`${prefix}-rotation`}
            action={setRotationAction}
            fields={[
              {
                name: "dayRotation",
                label: "Rotation days, in order",
                kind: "text",
                hint: "e.g. A, B — empty when every day is alike",
              },
              { name: "rotationStartsOn", label: "First day of the rotation", kind: "date" },
            ]}
            initial={{
              dayRotation: school.dayRotation.join(", "),
              rotationStartsOn: school.rotationStartsOn ?? "",
            }}
            hidden={hidden}
            submitLabel="Save rotation"
          />
        ) : null}
      </section>
      <section className="space-y-2">
        <h3 className="font-semibold">Bell periods</h3>
        <RowsEditor
          idPrefix={`${prefix}-period`}
          noun="Period"
          columns={["Day", "Period", "Starts", "Ends"]}
          rows={periods}
          fields={bellPeriodFields(school)}
          blank={{ dayType: "", label: "", startTime: "", endTime: "" }}
          hidden={hidden}
          canEdit={canEdit}
          save={saveBellPeriodAction}
          remove={deleteBellPeriodAction}
        />
      </section>
      <section className="space-y-2">
        <h3 className="font-semibold">Protected time</h3>
        <p className="text-sm text-slate-700">
          Core instruction, lunch and WIN time that no intervention may take from a grade.
        </p>
        <RowsEditor
          idPrefix={`${prefix}-block`}
          noun="Block"
          columns={["Who", "Kind", "Name", "Days", "Time"]}
          rows={blocks}
          fields={BLOCK_FIELDS}
          blank={{
            grade: "",
            kind: "lunch",
            label: "",
            days: [...SCHOOL_DAYS],
            startTime: "",
            endTime: "",
          }}
          hidden={hidden}
          canEdit={canEdit}
          save={saveProtectedBlockAction}
          remove={deleteProtectedBlockAction}
        />
      </section>
      <section className="space-y-2">
        <h3 className="font-semibold">Rooms</h3>
        <RowsEditor
          idPrefix={`${prefix}-room`}
          noun="Room"
          columns={["Room", "Capacity"]}
          rows={rooms}
          fields={ROOM_FIELDS}
          blank={{ name: "", capacity: "" }}
          hidden={hidden}
          canEdit={canEdit}
          save={saveRoomAction}
        />
      </section>
    </Card>
  );
}

export default async function SchedulePage() {
  const actor = await requireActor();
  if (!canReadTimeFacts(actor)) notFound();
  const settings = await getScheduleSettings(contextFor(actor));
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Schedule">
        Each school&apos;s bell periods (the clock times of the periods classes list in the roster),
        rotation days, the time protected from interventions, and rooms with their capacity.
        {settings.canEdit ? "" : " Only district admins change them."}
      </AdminPageHeader>
      {settings.canEdit ? (
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">Upload a bell schedule</h2>
          <p className="text-sm text-slate-700">
            A CSV with the columns school (sourcedId, code or name), dayType (optional: a rotation
            day), period, startTime and endTime. Every school the file names gets the file&apos;s
            periods; if any row is wrong, nothing changes and the rows are listed by line.
          </p>
          <BellScheduleUpload action={importBellScheduleAction} />
        </Card>
      ) : null}
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">Saving over conflicts</h2>
        <p className="text-sm text-slate-700">
          Whether a specialist may save a schedule that meets a student&apos;s class or protected
          time, a facilitator&apos;s hours or a cap, by giving a reason (kept in the audit trail). A
          room, a person or a resource booked twice is never allowed.
        </p>
        {settings.canEdit ? (
          <ActionForm
            idPrefix="schedule-override"
            action={setScheduleOverrideAction}
            fields={[
              {
                name: "allowed",
                label: "Specialists may save over conflicts with a reason",
                kind: "select",
                options: [
                  { value: "no", label: "No: every conflict must be resolved" },
                  { value: "yes", label: "Yes, with a reason" },
                ],
              },
            ]}
            initial={{ allowed: settings.overrideAllowed ? "yes" : "no" }}
            submitLabel="Save"
          />
        ) : (
          <p className="text-sm">
            {settings.overrideAllowed ? "Allowed, with a reason." : "Not allowed."}
          </p>
        )}
      </Card>
      {settings.schools.map((school) => (
        <SchoolSchedule key={school.id} school={school} canEdit={settings.canEdit} />
      ))}
    </div>
  );
}
