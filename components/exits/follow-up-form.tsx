"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type FollowUpAction = (values: unknown, followUpId: string) => Promise<ActionResult<unknown>>;

/** The weekly check after an exit: holding or slipping, with an optional probe score. */
export function FollowUpForm({
  action,
  followUpId,
  studentName,
}: {
  action: FollowUpAction;
  followUpId: string;
  studentName: string;
}) {
  const [status, setStatus] = useState<"holding" | "slipping" | "">("");
  const [score, setScore] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!status) {
      setOutcome({ ok: false, text: "Choose holding or slipping." });
      return;
    }
    setPending(true);
    const result = await action(
      { status, probeScore: score.trim() === "" ? null : score },
      followUpId,
    );
    setPending(false);
    if (result.ok) {
      setOutcome({ ok: true, text: "Follow-up saved." });
    } else {
      setOutcome({ ok: false, text: result.message });
    }
  };

  // Once saved, the confirmation takes the form's place and the item stays on the page until the
  // next visit: refreshing would drop the item (it left this list) and the confirmation with it.
  if (outcome?.ok) return <FormOutcome message={outcome} />;

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3"
      aria-label={`Follow-up for ${studentName}`}
    >
      <fieldset className="flex gap-4">
        <legend className="sr-only">How is {studentName} doing?</legend>
        {(["holding", "slipping"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={`follow-up-${followUpId}`}
              value={value}
              checked={status === value}
              onChange={() => setStatus(value)}
            />
            {value === "holding" ? "Holding" : "Slipping"}
          </label>
        ))}
      </fieldset>
      <InputField
        id={`follow-up-score-${followUpId}`}
        label="Probe score (optional)"
        inputMode="decimal"
        className="w-40"
        value={score}
        onChange={(e) => setScore(e.target.value)}
      />
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <FormOutcome message={outcome} className="w-full" />
    </form>
  );
}
