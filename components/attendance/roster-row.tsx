/** One student of the attendance taker: a radio group of statuses, and the probe score input. */

import { inputClasses } from "@/components/ui/field";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "@/lib/domain/attendance";
import { ATTENDANCE_STATUS_LABELS } from "@/lib/domain/sessions/schemas";
import { fullName } from "./format";

const CHECKED: Record<AttendanceStatus, string> = {
  present:
    "has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50 has-[:checked]:text-emerald-900",
  absent: "has-[:checked]:border-red-700 has-[:checked]:bg-red-50 has-[:checked]:text-red-900",
  tardy: "has-[:checked]:border-amber-700 has-[:checked]:bg-amber-50 has-[:checked]:text-amber-900",
  excused:
    "has-[:checked]:border-slate-700 has-[:checked]:bg-slate-100 has-[:checked]:text-slate-900",
};

/**
 * A fieldset named after the student (the e2e tests find it as a group by that name), one tap
 * per status; arrow keys move within it because the radios share a name.
 */
export function RosterRow({
  student,
  status,
  onMark,
  measure,
  probe,
  onProbe,
}: {
  student: { studentId: string; firstName: string; lastName: string };
  status: AttendanceStatus | undefined;
  onMark: (status: AttendanceStatus) => void;
  measure: { name: string; unit: string | null } | null;
  probe: string;
  onProbe: (value: string) => void;
}) {
  const name = fullName(student);
  return (
    <li>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <legend className="px-1 text-base font-semibold">{name}</legend>
        <div className="grid grid-cols-2 gap-2 min-[360px]:grid-cols-4">
          {ATTENDANCE_STATUSES.map((choice) => (
            <label
              key={choice}
              className={`flex min-h-12 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-slate-300 px-1 text-sm font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600 ${CHECKED[choice]}`}
            >
              <input
                type="radio"
                name={`status-${student.studentId}`}
                value={choice}
                checked={status === choice}
                onChange={() => onMark(choice)}
                className="size-4 accent-current"
              />
              {ATTENDANCE_STATUS_LABELS[choice]}
            </label>
          ))}
        </div>
        {measure ? (
          <ProbeInput name={name} measure={measure} value={probe} onChange={onProbe} />
        ) : null}
      </fieldset>
    </li>
  );
}

/** The session's progress probe for one student, labelled "<student>: <measure>". */
function ProbeInput({
  name,
  measure,
  value,
  onChange,
}: {
  name: string;
  measure: { name: string; unit: string | null };
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
      <span className="shrink-0">
        {measure.name}
        {measure.unit ? ` (${measure.unit})` : ""}
      </span>
      <input
        type="text"
        inputMode="decimal"
        aria-label={`${name}: ${measure.name}`}
        className={`${inputClasses} min-h-10 max-w-28`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
