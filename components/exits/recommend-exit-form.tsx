"use client";

import { useRouter } from "next/navigation";
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
  const router = useRouter();
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
      router.refresh();
    } else {
      setOutcome({ ok: false, text: result.message });
    }
  };

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
