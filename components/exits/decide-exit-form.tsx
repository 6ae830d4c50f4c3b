"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type DecideAction = (values: unknown, reviewId: string) => Promise<ActionResult<unknown>>;

/** The specialist's decision on a recommended exit: approve, or decline with the reason. */
export function DecideExitForm({
  approve,
  decline,
  reviewId,
  studentName,
  canApprove,
}: {
  approve: DecideAction;
  decline: DecideAction;
  reviewId: string;
  studentName: string;
  canApprove: boolean;
}) {
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (kind: "approve" | "decline") => {
    if (kind === "decline" && reason.trim().length < 3) {
      setOutcome({ ok: false, text: "Give the reason for declining." });
      return;
    }
    setPending(true);
    const result =
      kind === "approve"
        ? await approve(reason.trim() ? { reason } : {}, reviewId)
        : await decline({ reason }, reviewId);
    setPending(false);
    if (result.ok) {
      setOutcome({
        ok: true,
        text:
          kind === "approve"
            ? `${studentName} has exited; the family's letter is queued.`
            : `Declined; ${studentName} stays in the group.`,
      });
    } else {
      setOutcome({ ok: false, text: result.message });
    }
  };

  // Once saved, the confirmation takes the form's place and the item stays on the page until the
  // next visit: refreshing would drop the item (it left this list) and the confirmation with it.
  if (outcome?.ok) return <FormOutcome message={outcome} />;

  return (
    <div className="space-y-2">
      <TextAreaField
        id={`decision-reason-${reviewId}`}
        label={canApprove ? "Reason (required to decline)" : "Reason for declining"}
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        {canApprove ? (
          <Button disabled={pending} onClick={() => run("approve")}>
            Approve exit
          </Button>
        ) : null}
        <Button variant="secondary" disabled={pending} onClick={() => run("decline")}>
          Decline
        </Button>
      </div>
      <FormOutcome message={outcome} />
    </div>
  );
}
