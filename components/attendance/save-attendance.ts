/** Saving a session's attendance: the request body, the POST, and the hook that retries it. */

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { FieldError } from "@/lib/domain/errors";
import type { AttendanceRecorded } from "@/lib/use-cases/sessions/record-attendance";
import type { DraftFields } from "./attendance-draft";

/** Attempts per save before the error is shown; retries reuse the Idempotency-Key. */
export const ATTEMPTS = 3;

export class SaveFailed extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** What was sent, as far as naming the student of a field error needs it. */
export type Payload = {
  records: { studentId: string }[];
  probeScores?: { studentId: string }[];
};

/** The body of `POST /api/v1/sessions/{id}/attendance`: the marked students, the typed scores. */
export function attendancePayload(
  roster: readonly { studentId: string }[],
  { marks, probes, notes, reason }: DraftFields,
  saved: boolean,
) {
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Saves with up to ATTEMPTS tries, backing off between them, when the connection drops or the
 * server fails (5xx); a refusal (4xx) is shown at once. `onSaved` runs when the server confirmed.
 */
export function useSaveAttendance(sessionId: string, onSaved: () => void) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "saving" | "failed">("idle");
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<SaveFailed | null>(null);
  const [result, setResult] = useState<AttendanceRecorded | null>(null);
  const keyFor = useRef<{ body: string; key: string } | null>(null);
  const sent = useRef<Payload | null>(null);

  const save = async (payload: Payload) => {
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
        keyFor.current = null;
        setResult(recorded);
        onSaved();
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

  /** Refused before sending (e.g. a student is not marked): shown like the server's 400. */
  const refuse = (message: string) => {
    setError(new SaveFailed(message, 400));
    setState("failed");
  };

  return {
    state,
    attempt,
    error,
    result,
    /** The payload of the latest save, to name the students of its field errors. */
    sent: sent.current,
    save,
    refuse,
    clearResult: () => setResult(null),
  };
}
