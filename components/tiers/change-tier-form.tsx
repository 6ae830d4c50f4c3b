"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClasses, SelectField, TextAreaField } from "@/components/ui/field";
import { setFieldErrors } from "@/components/ui/form-outcome";
import { lowFidelityWarning, needsLowFidelityReason } from "@/lib/domain/tiers/fidelity-gate";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { TIERS } from "@/lib/domain/tiers/tier";
import { z } from "@/lib/domain/zod";
import type { ActionResult } from "@/lib/server/action";
import type { DecisionInterventionOption } from "@/lib/use-cases/tiers/prepare-tier-decision";
import { TeamPicker, type TeamRow, teamMembers } from "./team-picker";

type ChangeTierAction = (
  values: unknown,
  idempotencyKey: string,
) => Promise<
  ActionResult<{ toTier: number; decision: string; snapshotUrl: string; lettersQueued: number }>
>;

/** The form's own fields (a select sends strings); the justification rule is the API's own. */
const formSchema = z.object({
  toTier: z.enum(["1", "2", "3"]),
  decision: z.enum(["", "start", "escalate", "step-down", "exit", "refer"]),
  interventionId: z.string(),
  reason: changeTierSchema.shape.reason,
  lowFidelityReason: z.string().max(2000, "2000 characters at most."),
});
type FormValues = z.infer<typeof formSchema>;

export const DECISION_KIND_LABELS = {
  "": "From the direction (escalation or step-down)",
  start: "Start: first placement in tiered support",
  escalate: "Escalate to a more intensive tier",
  "step-down": "Step down to a less intensive tier",
  exit: "Exit from tiered support (to tier 1)",
  refer: "Refer for a special-education evaluation",
} as const;

/** The kinds of tier decision as a select's options, in DECISION_KIND_LABELS' order. */
export function DecisionKindOptions() {
  return Object.entries(DECISION_KIND_LABELS).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}

export interface ChangeTierPrefill {
  decision?: FormValues["decision"];
  interventionId?: string;
}

/**
 * Records a tier decision (Scenario 7 and 12): the new tier, its kind, the intervention whose
 * data it rests on, the justification (required, kept in the audit trail and told to the
 * family), and the team who decided. A move up while the intervention's fidelity is below 80 %
 * shows the warning before submit and asks for the reason to go on; the server checks the same
 * rule and takes the snapshot of the data itself.
 */
export function ChangeTierForm({
  currentTier,
  action,
  interventions = [],
  prefill = {},
}: {
  currentTier: number;
  action: ChangeTierAction;
  /** The student's interventions with their fidelity to date (prepareTierDecision). */
  interventions?: readonly DecisionInterventionOption[];
  /** From a non-responder flag: escalate, on the intervention named. */
  prefill?: ChangeTierPrefill;
}) {
  const router = useRouter();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<{ text: string; snapshotUrl: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [team, setTeam] = useState<TeamRow[]>([]);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      toTier: String(Math.min(3, currentTier + 1)) as FormValues["toTier"],
      decision: prefill.decision ?? "",
      interventionId:
        prefill.interventionId &&
        interventions.some((i) => i.interventionId === prefill.interventionId)
          ? prefill.interventionId
          : "",
      reason: "",
      lowFidelityReason: "",
    },
  });
  const toTier = Number(watch("toTier"));
  const chosen = interventions.find((i) => i.interventionId === watch("interventionId"));
  const fidelity = chosen?.fidelity ?? null;
  const gated = needsLowFidelityReason({ fromTier: currentTier, toTier, fidelity });

  const onSubmit = async (values: FormValues) => {
    setDone(null);
    setFormError(null);
    const result = await action(
      {
        toTier: Number(values.toTier),
        reason: values.reason,
        decision: values.decision || undefined,
        interventionId: values.interventionId || null,
        team: teamMembers(team),
        lowFidelityReason: gated ? values.lowFidelityReason : null,
      },
      key,
    );
    if (!result.ok) {
      setFormError(result.message);
      setFieldErrors(setError, result.fieldErrors, [
        "toTier",
        "reason",
        "decision",
        "interventionId",
        "lowFidelityReason",
      ]);
      return;
    }
    const letters = result.data.lettersQueued;
    setDone({
      text: `Recorded: ${result.data.decision}, now tier ${result.data.toTier}. The justification is in the audit trail; ${letters === 0 ? "no guardian has an e-mail address for a letter" : `${letters} letter${letters === 1 ? "" : "s"} to the family queued`}.`,
      snapshotUrl: result.data.snapshotUrl,
    });
    setKey(crypto.randomUUID());
    setTeam([]);
    reset({ ...values, decision: "", reason: "", lowFidelityReason: "" });
    router.refresh();
  };

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      id="tier-decision"
    >
      {done ? (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm md:col-span-2"
        >
          {done.text}{" "}
          <Link href={done.snapshotUrl} className="font-medium underline">
            See the decision and its data
          </Link>
        </p>
      ) : null}
      {formError ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 md:col-span-2"
        >
          {formError}
        </p>
      ) : null}
      <SelectField
        id="tier-to"
        label={`New tier (now tier ${currentTier})`}
        error={errors.toTier?.message}
        {...register("toTier")}
      >
        {TIERS.map((tier) => (
          <option key={tier} value={tier}>
            Tier {tier}
          </option>
        ))}
      </SelectField>
      <Field id="tier-decision-kind" label="Kind of decision" error={errors.decision?.message}>
        <select id="tier-decision-kind" className={inputClasses} {...register("decision")}>
          <DecisionKindOptions />
        </select>
      </Field>
      {interventions.length > 0 ? (
        <Field
          id="tier-intervention"
          label="Data from the intervention"
          hint="Its scores, the decision rule's verdict, attendance and fidelity are kept with the decision as they are now."
          error={errors.interventionId?.message}
          className="md:col-span-2"
        >
          <select id="tier-intervention" className={inputClasses} {...register("interventionId")}>
            <option value="">No intervention's data</option>
            {interventions.map((i) => (
              <option key={i.interventionId} value={i.interventionId}>
                {i.name}
                {i.current ? "" : " (past)"}
                {i.fidelity === null ? "" : ` · fidelity ${Math.round(i.fidelity * 100)} %`}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {gated && fidelity !== null ? (
        <div
          role="alert"
          data-testid="low-fidelity-warning"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 md:col-span-2"
        >
          <p className="font-semibold">The intervention was not delivered as planned.</p>
          <p>{lowFidelityWarning(fidelity)}</p>
          <TextAreaField
            id="tier-low-fidelity-reason"
            label="Reason to proceed at low fidelity"
            error={errors.lowFidelityReason?.message}
            rows={2}
            {...register("lowFidelityReason")}
          />
        </div>
      ) : null}
      <TextAreaField
        id="tier-reason"
        label="Justification"
        hint="The data and the team's reasoning; it is kept in the audit trail and told to the family."
        error={errors.reason?.message}
        className="md:col-span-2"
        rows={3}
        {...register("reason")}
      />
      <div className="md:col-span-2">
        <TeamPicker id="tier-team" legend="Team who decided" rows={team} onChange={setTeam} />
      </div>
      <div className="md:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Recording…" : "Record tier decision"}
        </Button>
      </div>
    </form>
  );
}
