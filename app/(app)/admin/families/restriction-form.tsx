"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type Change = (values: unknown) => Promise<ActionResult<unknown>>;

export interface GuardianLinkRow {
  studentId: string;
  studentName: string;
  studentLocalId: string;
  guardianId: string;
  guardianName: string;
  email: string | null;
  language: string;
  relationship: string;
  contactRestricted: boolean;
  restrictionNote: string | null;
}

/**
 * One guardian of one child: record a restriction (with its reason) or lift it (saying why).
 * Both ask for the reason, which the audit trail keeps.
 */
export function RestrictionForm({
  link,
  record,
  lift,
}: {
  link: GuardianLinkRow;
  record: Change;
  lift: Change;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `link-${link.studentId}-${link.guardianId}`;
  const restricted = link.contactRestricted;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const input = { studentId: link.studentId, guardianId: link.guardianId, reason };
    const result = await (restricted ? lift : record)(input);
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors.find((e) => e.path === "reason")?.message);
      setOutcome({ ok: false, text: result.message });
      return;
    }
    setError(undefined);
    setReason("");
    setOutcome({
      ok: true,
      text: restricted
        ? `Lifted: ${link.guardianName} receives ${link.studentName}'s letters and sees ${link.studentName} in the portal again.`
        : `Recorded: ${link.guardianName} gets no letters about ${link.studentName} and no longer sees ${link.studentName} in the portal.`,
    });
    router.refresh();
  };

  return (
    <form
      onSubmit={submit}
      aria-label={`Contact restriction of ${link.guardianName} for ${link.studentName}`}
      className="grid items-end gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_auto]"
    >
      <div>
        <p className="font-semibold">
          {link.guardianName}
          <span className="font-normal text-slate-700">
            {" "}
            · {link.relationship} of {link.studentName} ({link.studentLocalId})
          </span>
          {restricted ? (
            <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
              Restricted
            </span>
          ) : null}
        </p>
        <p className="text-sm text-slate-700">
          {link.email ?? "no e-mail address in the roster"} · letters in {link.language}
        </p>
        {restricted && link.restrictionNote ? (
          <p className="text-sm text-slate-700">Reason on record: {link.restrictionNote}</p>
        ) : null}
      </div>
      <InputField
        id={`${id}-reason`}
        label={restricted ? "Why lift it" : "Reason (e.g. the court order)"}
        value={reason}
        error={error}
        required
        minLength={3}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button type="submit" variant={restricted ? "secondary" : "primary"} disabled={busy}>
        {restricted ? "Lift restriction" : "Restrict"}
        <span className="sr-only">
          {" "}
          of {link.guardianName} for {link.studentName}
        </span>
      </Button>
      <FormOutcome message={outcome} className="text-sm md:col-span-3" />
    </form>
  );
}
