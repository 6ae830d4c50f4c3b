"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClasses, SelectField, TextAreaField } from "@/components/ui/field";
import { setFieldErrors } from "@/components/ui/form-outcome";
import { changeTierSchema } from "@/lib/domain/tiers/schemas";
import { TIERS } from "@/lib/domain/tiers/tier";
import { z } from "@/lib/domain/zod";
import type { ActionResult } from "@/lib/server/action";

type ChangeTierAction = (
  values: unknown,
  idempotencyKey: string,
) => Promise<ActionResult<{ toTier: number; decision: string }>>;

/** The form's own fields (a select sends strings); the justification rule is the API's own. */
const formSchema = z.object({
  toTier: z.enum(["1", "2", "3"]),
  decision: z.enum(["", "exit", "refer"]),
  reason: changeTierSchema.shape.reason,
});
type FormValues = z.infer<typeof formSchema>;

/**
 * Records a tier decision with its justification (Scenario 7 and 12). The justification is
 * required and lands in the audit trail; the same schema checks it on the server.
 */
export function ChangeTierForm({
  currentTier,
  action,
}: {
  currentTier: number;
  action: ChangeTierAction;
}) {
  const router = useRouter();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      toTier: String(Math.min(3, currentTier + 1)) as FormValues["toTier"],
      decision: "",
      reason: "",
    },
  });

  const onSubmit = async (values: FormValues) => {
    setDone(null);
    setFormError(null);
    const result = await action(
      {
        toTier: Number(values.toTier),
        reason: values.reason,
        decision: values.decision || undefined,
      },
      key,
    );
    if (!result.ok) {
      setFormError(result.message);
      setFieldErrors(setError, result.fieldErrors, ["toTier", "reason"]);
      return;
    }
    setDone(
      `Recorded: ${result.data.decision}, now tier ${result.data.toTier}. The justification is in the audit trail.`,
    );
    setKey(crypto.randomUUID());
    reset({ toTier: values.toTier, decision: "", reason: "" });
    router.refresh();
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-4 md:grid-cols-2">
      {done ? (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm md:col-span-2"
        >
          {done}
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
      <Field id="tier-decision" label="Kind of decision">
        <select id="tier-decision" className={inputClasses} {...register("decision")}>
          <option value="">Escalation or step-down (from the direction)</option>
          <option value="exit">Exit from tiered support (to tier 1)</option>
          <option value="refer">Referral for special-education evaluation</option>
        </select>
      </Field>
      <TextAreaField
        id="tier-reason"
        label="Justification"
        hint="The data and the team's reasoning; it is kept in the audit trail."
        error={errors.reason?.message}
        className="md:col-span-2"
        rows={3}
        {...register("reason")}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Recording…" : "Record tier decision"}
        </Button>
      </div>
    </form>
  );
}
