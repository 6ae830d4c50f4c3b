"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type HoldAction = (values: unknown, studentId: string) => Promise<ActionResult<unknown>>;

/** Holds the coming summary with a reason, or releases a hold. */
export function HoldForm({
  studentId,
  periodId,
  held,
  hold,
  release,
}: {
  studentId: string;
  periodId: string;
  held: boolean;
  hold: HoldAction;
  release: HoldAction;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = held
      ? await release({ periodId }, studentId)
      : await hold({ periodId, reason }, studentId);
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors[0]?.message ?? result.message);
      return;
    }
    setReason("");
    router.refresh();
  };

  return (
    <form onSubmit={submit} className="max-w-lg space-y-2" noValidate>
      {held ? null : (
        <TextAreaField
          id="hold-reason"
          label="Why hold it?"
          rows={2}
          maxLength={500}
          value={reason}
          error={error ?? undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <Button type="submit" variant={held ? "secondary" : "danger"} disabled={pending}>
        {held ? "Release the hold" : "Hold this summary"}
      </Button>
      {held && error ? <FormOutcome message={{ ok: false, text: error }} /> : null}
    </form>
  );
}
