"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldErrorText, inputClasses } from "@/components/ui/field";
import { now } from "@/lib/clock";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "@/lib/domain/attendance";
import type { FieldError } from "@/lib/domain/errors";
import { ATTENDANCE_STATUS_LABELS } from "@/lib/domain/sessions/schemas";
import type { AttendanceRecorded } from "@/lib/use-cases/sessions/record-attendance";
import { fullName, percent } from "./format";

export interface TakerStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  status: AttendanceStatus | null;
  probeScore: number | null;
}

interface Draft {
  marks: Record<string, AttendanceStatus>;
  probes: Record<string, string>;
  notes: string;
  reason: string;
  at: string;
}

const CHECKED: Record<AttendanceStatus, string> = {
  present:
    "has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-50 has-[:checked]:text-emerald-900",
  absent: "has-[:checked]:border-red-700 has-[:checked]:bg-red-50 has-[:checked]:text-red-900",
  tardy: "has-[:checked]:border-amber-700 has-[:checked]:bg-amber-50 has-[:checked]:text-amber-900",
  excused:
    "has-[:checked]:border-slate-700 has-[:checked]:bg-slate-100 has-[:checked]:text-slate-900",
};

/** Attempts per save before the error is shown; retries reuse the Idempotency-Key. */
const ATTEMPTS = 3;

class SaveFailed extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

async function postAttendance(sessionId: string, body: unknown, key: string) {
  let response: Response;
  try {
    response = await fetch(`/api/v1/sessions/${sessionId}/attendance`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SaveFailed("No connection to the server.", null);
  }
  if (response.ok) return (await response.json()) as AttendanceRecorded;
  const problem = (await response.json().catch(() => null)) as {
    detail?: string;
    errors?: FieldError[];
  } | null;
  if (response.status === 401) {
    throw new SaveFailed(
      "Your sign-in has ended. Sign in again in another tab, then press Try again: your marks are kept on this device.",
      401,
    );
  }
  throw new SaveFailed(
    problem?.detail ?? `Saving failed (${response.status}).`,
    response.status,
    problem?.errors ?? [],
  );
}

type Payload = {
  records: { studentId: string }[];
  probeScores?: { studentId: string }[];
};

/** "Liam Carter: Enter the score as a number." for `probeScores.1.value` of the payload sent. */
function describeFieldError(
  error: FieldError,
  sent: Payload | null,
  names: Record<string, string>,
): string {
  const [list, index] = error.path.split(".");
  const items =
    list === "records" ? sent?.records : list === "probeScores" ? sent?.probeScores : [];
  const studentId = index !== undefined ? items?.[Number(index)]?.studentId : undefined;
  return studentId && names[studentId] ? `${names[studentId]}: ${error.message}` : error.message;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The attendance taker (Scenario 3), phone first: one tap per student, optional probe scores,
 * session notes, Save. Nothing is lost silently: every change is kept as a draft on the device
 * until the server confirms the save; a failed save keeps the marks on screen, retries by
 * itself, then shows the error with a button to try again.
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
  const router = useRouter();
  const draftKey = `northstar:attendance-draft:${sessionId}`;
  const initialMarks = useMemo(
    () =>
      Object.fromEntries(
        roster.flatMap((s) => (s.status ? [[s.studentId, s.status] as const] : [])),
      ) as Record<string, AttendanceStatus>,
    [roster],
  );
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>(initialMarks);
  const [probes, setProbes] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      roster.flatMap((s) => (s.probeScore !== null ? [[s.studentId, String(s.probeScore)]] : [])),
    ),
  );
  const [notes, setNotes] = useState(initialNotes);
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState(savedBefore);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "failed">("idle");
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<SaveFailed | null>(null);
  const [result, setResult] = useState<AttendanceRecorded | null>(null);
  const [touched, setTouched] = useState(false);
  const keyFor = useRef<{ body: string; key: string } | null>(null);
  const sent = useRef<Payload | null>(null);
  const loaded = useRef(false);

  // A draft left on this device (a failed save, a closed tab) comes back on screen.
  useEffect(() => {
    const raw = window.localStorage.getItem(draftKey);
    loaded.current = true;
    if (!raw) return;
    try {
      const draft = JSON.parse(raw) as Draft;
      setMarks(draft.marks);
      setProbes(draft.probes);
      setNotes(draft.notes);
      setReason(draft.reason);
      setRestoredAt(draft.at);
      setTouched(true);
    } catch {
      window.localStorage.removeItem(draftKey);
    }
  }, [draftKey]);

  useEffect(() => {
    if (!loaded.current || !touched) return;
    const draft: Draft = { marks, probes, notes, reason, at: now().toISOString() };
    window.localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draftKey, marks, probes, notes, reason, touched]);

  const change =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setTouched(true);
      setResult(null);
      setter(value);
    };
  const mark = change((next: Record<string, AttendanceStatus>) => setMarks(next));

  const unmarked = roster.filter((s) => !marks[s.studentId]);
  const fieldError = (path: string) => error?.fieldErrors.find((e) => e.path === path)?.message;

  const body = useCallback(() => {
    const probeScores = roster.flatMap((s) => {
      const value = probes[s.studentId]?.trim();
      return value ? [{ studentId: s.studentId, value: Number(value) }] : [];
    });
    return {
      records: roster.flatMap((s) => {
        const status = marks[s.studentId];
        return status ? [{ studentId: s.studentId, status }] : [];
      }),
      notes,
      ...(saved ? { reason } : {}),
      ...(probeScores.length > 0 ? { probeScores } : {}),
    };
  }, [roster, marks, probes, notes, reason, saved]);

  const save = async () => {
    const payload = body();
    sent.current = payload;
    const serialized = JSON.stringify(payload);
    // A retry of the same content reuses its key, so the server writes it once at most.
    if (keyFor.current?.body !== serialized) {
      keyFor.current = { body: serialized, key: crypto.randomUUID() };
    }
    const { key } = keyFor.current;
    setState("saving");
    setError(null);
    for (let n = 1; n <= ATTEMPTS; n++) {
      setAttempt(n);
      try {
        const recorded = await postAttendance(sessionId, payload, key);
        window.localStorage.removeItem(draftKey);
        keyFor.current = null;
        setResult(recorded);
        setSaved(true);
        setReason("");
        setTouched(false);
        setRestoredAt(null);
        setState("idle");
        router.refresh();
        return;
      } catch (caught) {
        const failure = caught as SaveFailed;
        const retryable = failure.status === null || failure.status >= 500;
        if (!retryable || n === ATTEMPTS) {
          setError(failure);
          setState("failed");
          return;
        }
        await pause(800 * 2 ** (n - 1));
      }
    }
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (unmarked.length > 0) {
      setError(
        new SaveFailed(
          `Mark every student first: ${unmarked.map((s) => s.firstName).join(", ")} ${unmarked.length === 1 ? "is" : "are"} not marked.`,
          400,
        ),
      );
      setState("failed");
      return;
    }
    void save();
  };

  const discardDraft = () => {
    window.localStorage.removeItem(draftKey);
    setMarks(initialMarks);
    setProbes(
      Object.fromEntries(
        roster.flatMap((s) => (s.probeScore !== null ? [[s.studentId, String(s.probeScore)]] : [])),
      ),
    );
    setNotes(initialNotes);
    setReason("");
    setRestoredAt(null);
    setTouched(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Take attendance">
      {restoredAt ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <span>
            Unsaved marks from{" "}
            {new Date(restoredAt).toLocaleTimeString("en-US", {
              hour: "numeric",
              minute: "2-digit",
            })}{" "}
            were restored on this device. Save to keep them.
          </span>
          <Button variant="secondary" onClick={discardDraft}>
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
        {roster.map((student) => {
          const name = fullName(student);
          return (
            <li key={student.studentId}>
              <fieldset className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <legend className="px-1 text-base font-semibold">{name}</legend>
                <div className="grid grid-cols-2 gap-2 min-[360px]:grid-cols-4">
                  {ATTENDANCE_STATUSES.map((status) => (
                    <label
                      key={status}
                      className={`flex min-h-12 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-slate-300 px-1 text-sm font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600 ${CHECKED[status]}`}
                    >
                      <input
                        type="radio"
                        name={`status-${student.studentId}`}
                        value={status}
                        checked={marks[student.studentId] === status}
                        onChange={() => mark({ ...marks, [student.studentId]: status })}
                        className="size-4 accent-current"
                      />
                      {ATTENDANCE_STATUS_LABELS[status]}
                    </label>
                  ))}
                </div>
                {measure ? (
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
                      value={probes[student.studentId] ?? ""}
                      onChange={(e) =>
                        change(setProbes)({ ...probes, [student.studentId]: e.target.value })
                      }
                    />
                  </label>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>

      <div className="space-y-1">
        <label htmlFor="session-notes" className="block text-sm font-medium text-slate-800">
          Session notes
        </label>
        <textarea
          id="session-notes"
          rows={3}
          className={inputClasses}
          value={notes}
          onChange={(e) => change(setNotes)(e.target.value)}
          placeholder="What the group worked on, who stood out."
        />
      </div>

      {saved ? (
        <div className="space-y-1">
          <label htmlFor="change-reason" className="block text-sm font-medium text-slate-800">
            Reason for changing saved attendance
          </label>
          <input
            id="change-reason"
            className={inputClasses}
            value={reason}
            onChange={(e) => change(setReason)(e.target.value)}
            aria-invalid={fieldError("reason") ? true : undefined}
            aria-describedby={fieldError("reason") ? "change-reason-error" : "change-reason-hint"}
          />
          {fieldError("reason") ? (
            <FieldErrorText id="change-reason-error" message={fieldError("reason")!} />
          ) : (
            <p id="change-reason-hint" className="text-sm text-slate-600">
              This session was saved before; the reason goes into the audit trail.
            </p>
          )}
        </div>
      ) : null}

      {state === "failed" && error ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
        >
          <p>
            {error.status === 400
              ? error.message
              : `Not saved: ${error.message} Your marks are still here and kept on this device.`}
          </p>
          {error.fieldErrors.filter((e) => e.path !== "reason").length > 0 ? (
            <ul className="list-disc pl-5">
              {error.fieldErrors
                .filter((e) => e.path !== "reason")
                .map((e) => (
                  <li key={e.path}>{describeFieldError(e, sent.current, names)}</li>
                ))}
            </ul>
          ) : null}
          {error.status !== 400 ? (
            <Button variant="secondary" onClick={() => void save()}>
              Try again
            </Button>
          ) : null}
        </div>
      ) : null}

      {result ? (
        <Card
          role="status"
          className="border-emerald-300 bg-emerald-50"
          data-testid="attendance-result"
        >
          <p className="font-semibold text-emerald-900">
            Attendance saved: {result.present + result.tardy} of{" "}
            {result.present + result.tardy + result.absent} attended (
            {percent(result.attendanceRate)}
            ).
          </p>
          {result.flaggedStudentIds.length > 0 ? (
            <p className="mt-1 text-sm text-emerald-900">
              Flagged for follow-up:{" "}
              {result.flaggedStudentIds.map((id) => names[id] ?? "a student").join(", ")}.
            </p>
          ) : null}
        </Card>
      ) : null}

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
