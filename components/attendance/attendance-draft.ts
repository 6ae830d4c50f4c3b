/** The attendance taker's draft: what was entered, kept on the device until the save. */

import { useEffect, useRef, useState } from "react";
import { now } from "@/lib/clock";
import type { AttendanceStatus } from "@/lib/domain/attendance";

/** What the facilitator has entered and the server has not confirmed yet. */
export interface DraftFields {
  marks: Record<string, AttendanceStatus>;
  probes: Record<string, string>;
  notes: string;
  reason: string;
}

/** As kept in localStorage: the fields and when they were last changed. */
interface Draft extends DraftFields {
  at: string;
}

/**
 * The taker's fields, written to localStorage on every change once the facilitator has touched
 * them, and read back on the next visit (a failed save, a closed tab) so nothing is lost silently.
 * `initial` gives the fields as the server has them, for a start and for discarding the draft.
 */
export function useAttendanceDraft(sessionId: string, initial: () => Omit<DraftFields, "reason">) {
  const draftKey = `northstar:attendance-draft:${sessionId}`;
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>(() => initial().marks);
  const [probes, setProbes] = useState<Record<string, string>>(() => initial().probes);
  const [notes, setNotes] = useState(() => initial().notes);
  const [reason, setReason] = useState("");
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
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

  /** The server confirmed the save: the draft is gone, and a next change needs a new reason. */
  const forget = () => {
    window.localStorage.removeItem(draftKey);
    setReason("");
    setTouched(false);
    setRestoredAt(null);
  };

  /** Back to what the server has. */
  const discard = () => {
    window.localStorage.removeItem(draftKey);
    const start = initial();
    setMarks(start.marks);
    setProbes(start.probes);
    setNotes(start.notes);
    setReason("");
    setRestoredAt(null);
    setTouched(false);
  };

  return {
    marks,
    probes,
    notes,
    reason,
    /** When the restored draft was last changed; null when nothing was restored. */
    restoredAt,
    setMarks,
    setProbes,
    setNotes,
    setReason,
    setTouched,
    forget,
    discard,
  };
}
