"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type RecommendAction = (values: unknown, reviewId: string) => Promise<ActionResult<unknown>>;

/** The facilitator's recommendation of a flagged student's exit, with an optional note. */
export function RecommendExitForm({
  action,
  reviewId,
  studentName,
}: {
  action: RecommendAction;
  reviewId: string;
  studentName: string;
}) {
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await action({ note }, reviewId);
    setPending(false);
    if (result.ok) {
      setOutcome({ ok: true, text: `Exit recommended for ${studentName}.` });
    } else {
      setOutcome({ ok: false, text: result.message });
    }
  };

  // Once saved, the confirmation takes the form's place and the item stays on the page until the
  // next visit: refreshing would drop the item (it left this list) and the confirmation with it.
  if (outcome?.ok) return <FormOutcome message={outcome} />;

  return (
    <form onSubmit={submit} className="space-y-2" aria-label={`Recommend ${studentName}'s exit`}>
      <TextAreaField
        id={`recommend-note-${reviewId}`}
        label="Note for the specialist (optional)"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Recommending…" : "Recommend exit"}
      </Button>
      <FormOutcome message={outcome} />
    </form>
  );
}
