"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TeamPicker, type TeamRow, teamMembers } from "@/components/tiers/team-picker";
import { Button } from "@/components/ui/button";
import { InputField, TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type CreateMeetingAction = (values: unknown) => Promise<ActionResult<{ id: string }>>;

/** A new MTSS team meeting: the day, a title, who attended (with their roles), notes. */
export function MeetingForm({ action, today }: { action: CreateMeetingAction; today: string }) {
  const router = useRouter();
  const [heldOn, setHeldOn] = useState(today);
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const [attendees, setAttendees] = useState<TeamRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await action({
      heldOn,
      title,
      notes: notes || null,
      attendees: teamMembers(attendees),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(
        Object.fromEntries(result.fieldErrors.map((e) => [e.path.split(".")[0], e.message])),
      );
      return;
    }
    router.push(`/meetings/${result.data.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <FormError message={error} />
      </div>
      <InputField
        id="meeting-held-on"
        label="Date"
        type="date"
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
        error={fieldErrors.heldOn}
      />
      <InputField
        id="meeting-title"
        label="Title"
        placeholder="Grade 3 data meeting"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title}
      />
      <div className="md:col-span-2">
        <TeamPicker
          id="meeting-attendees"
          legend="Attendees"
          rows={attendees}
          onChange={setAttendees}
        />
        {fieldErrors.attendees ? (
          <p className="text-sm font-medium text-red-700" role="alert">
            {fieldErrors.attendees}
          </p>
        ) : null}
      </div>
      <TextAreaField
        id="meeting-notes"
        label="Notes"
        rows={3}
        className="md:col-span-2"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={fieldErrors.notes}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Record the meeting"}
        </Button>
      </div>
    </form>
  );
}
