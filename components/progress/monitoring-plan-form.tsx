"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { type MonitoringPlanInput, monitoringPlanSchema } from "@/lib/domain/sessions/schemas";
import type { ActionResult } from "@/lib/server/action";

export interface PlanFormValues {
  measureName: string;
  measureUnit: string;
  measureDirection: "higher" | "lower";
  goalValue: string;
  version: number;
}

/** The intervention's measure and goal: what probes are taken in, and where the aim line ends. */
export function MonitoringPlanForm({
  interventionId,
  defaults,
  action,
}: {
  interventionId: string;
  defaults: PlanFormValues;
  action: (values: unknown, interventionId: string) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<PlanFormValues, unknown, MonitoringPlanInput>({
    // The schema coerces these text fields; its declared input type is looser than they are.
    resolver: zodResolver(monitoringPlanSchema) as unknown as Resolver<
      PlanFormValues,
      unknown,
      MonitoringPlanInput
    >,
    defaultValues: defaults,
  });

  // Each control's registration and its error, as InputField and SelectField take them.
  const field = (name: keyof PlanFormValues) => ({
    error: errors[name]?.message,
    ...register(name),
  });

  const onSubmit = async (values: MonitoringPlanInput) => {
    const result = await action(values, interventionId);
    setMessage(
      result.ok
        ? { ok: true, text: "Measure and goal saved." }
        : { ok: false, text: result.message },
    );
    if (result.ok) router.refresh();
  };

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-3"
      aria-label="Measure and goal"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          id="plan-measure"
          label="Measure"
          placeholder="e.g. Words correct per minute"
          {...field("measureName")}
        />
        <InputField id="plan-unit" label="Unit" placeholder="e.g. WCPM" {...field("measureUnit")} />
        <SelectField id="plan-direction" label="Better is" {...field("measureDirection")}>
          <option value="higher">Higher (e.g. words correct)</option>
          <option value="lower">Lower (e.g. errors)</option>
        </SelectField>
        <InputField
          id="plan-goal"
          label="Goal at the end date"
          inputMode="decimal"
          {...field("goalValue")}
        />
      </div>
      <FormOutcome message={message} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save measure and goal"}
      </Button>
    </form>
  );
}
