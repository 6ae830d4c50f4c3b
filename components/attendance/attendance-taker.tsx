"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, TextAreaField } from "@/components/ui/field";
import type { AttendanceStatus } from "@/lib/domain/attendance";
import { formatTime } from "@/lib/domain/calendar/format";
import { useAttendanceDraft } from "./attendance-draft";
import { RosterRow } from "./roster-row";
import { ATTEMPTS, attendancePayload, useSaveAttendance } from "./save-attendance";
import { AttendanceResult, SaveError } from "./save-outcome";

export interface TakerStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  status: AttendanceStatus | null;
  probeScore: number | null;
}

/** The probe scores the server has, as the inputs show them. */
function probesOf(roster: readonly TakerStudent[]): Record<string, string> {
  return Object.fromEntries(
    roster.flatMap((s) => (s.probeScore !== null ? [[s.studentId, String(s.probeScore)]] : [])),
  );
}

/**
 * The attendance taker (Scenario 3), phone first: one tap per student, optional probe scores,
 * session notes, Save. Nothing is lost silently: every change is kept as a draft on the device
 * (attendance-draft.ts) until the server confirms the save; a failed save keeps the marks on
 * screen, retries by itself (save-attendance.ts), then shows the error with a button to try again.
 */
export function AttendanceTaker({
  sessionId,
  roster,
  measure,
  initialNotes,
  saved: savedBefore,
  names,
}: {
  sessionId: string;
  roster: TakerStudent[];
  measure: { name: string; unit: string | null } | null;
  initialNotes: string;
  /** Attendance was saved before: a change needs a reason. */
  saved: boolean;
  names: Record<string, string>;
}) {
  const initialMarks = useMemo(
    () =>
      Object.fromEntries(
        roster.flatMap((s) => (s.status ? [[s.studentId, s.status] as const] : [])),
      ) as Record<string, AttendanceStatus>,
    [roster],
  );
  const draft = useAttendanceDraft(sessionId, () => ({
    marks: initialMarks,
    probes: probesOf(roster),
    notes: initialNotes,
  }));
  const [saved, setSaved] = useState(savedBefore);
  const saving = useSaveAttendance(sessionId, () => {
    draft.forget();
    setSaved(true);
  });
  const { marks, probes, notes, reason, restoredAt } = draft;
  const { state, attempt, error, result } = saving;

  const change =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      draft.setTouched(true);
      saving.clearResult();
      setter(value);
    };
  const mark = change((next: Record<string, AttendanceStatus>) => draft.setMarks(next));

  const unmarked = roster.filter((s) => !marks[s.studentId]);
  const fieldError = (path: string) => error?.fieldErrors.find((e) => e.path === path)?.message;

  const save = () =>
    saving.save(attendancePayload(roster, { marks, probes, notes, reason }, saved));

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (unmarked.length > 0) {
      saving.refuse(
        `Mark every student first: ${unmarked.map((s) => s.firstName).join(", ")} ${unmarked.length === 1 ? "is" : "are"} not marked.`,
      );
      return;
    }
    void save();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Take attendance">
      {restoredAt ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <span>
            Unsaved marks from {formatTime(restoredAt)} were restored on this device. Save to keep
            them.
          </span>
          <Button variant="secondary" onClick={draft.discard}>
            Discard draft
          </Button>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {roster.length - unmarked.length} of {roster.length} marked
        </p>
        <Button
          variant="secondary"
          onClick={() =>
            mark(
              Object.fromEntries(roster.map((s) => [s.studentId, marks[s.studentId] ?? "present"])),
            )
          }
        >
          Mark the rest present
        </Button>
      </div>

      <ul className="space-y-3" aria-label="Roster">
        {roster.map((student) => (
          <RosterRow
            key={student.studentId}
            student={student}
            status={marks[student.studentId]}
            onMark={(status) => mark({ ...marks, [student.studentId]: status })}
            measure={measure}
            probe={probes[student.studentId] ?? ""}
            onProbe={(value) => change(draft.setProbes)({ ...probes, [student.studentId]: value })}
          />
        ))}
      </ul>

      <TextAreaField
        id="session-notes"
        label="Session notes"
        rows={3}
        value={notes}
        onChange={(e) => change(draft.setNotes)(e.target.value)}
        placeholder="What the group worked on, who stood out."
      />

      {saved ? (
        <InputField
          id="change-reason"
          label="Reason for changing saved attendance"
          hint="This session was saved before; the reason goes into the audit trail."
          error={fieldError("reason")}
          value={reason}
          onChange={(e) => change(draft.setReason)(e.target.value)}
        />
      ) : null}

      {state === "failed" && error ? (
        <SaveError error={error} sent={saving.sent} names={names} onRetry={() => void save()} />
      ) : null}

      {result ? <AttendanceResult result={result} names={names} /> : null}

      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <Button type="submit" className="w-full text-base" disabled={state === "saving"}>
          {state === "saving"
            ? attempt > 1
              ? `Saving… (try ${attempt} of ${ATTEMPTS})`
              : "Saving…"
            : saved
              ? "Save changes"
              : "Save attendance"}
        </Button>
      </div>
    </form>
  );
}
