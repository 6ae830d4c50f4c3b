"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { PickedPerson } from "@/components/people/person-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { FieldError } from "@/lib/domain/errors";
import {
  type CreateInterventionFormValues,
  type CreateInterventionInput,
  createInterventionSchema,
} from "@/lib/domain/interventions/schemas";
import { templateToFormValues } from "@/lib/domain/templates/prefill";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import type { ActionResult } from "@/lib/server/action";
import { PeopleCard } from "./people-card";
import { ScheduleCard } from "./schedule-card";
import { studentOption } from "./student-option";
import { TemplatePicker } from "./template-picker";

const FOCUS_AREAS = [
  "Reading Fluency",
  "Phonics",
  "Phonemic Awareness",
  "Reading Comprehension",
  "Vocabulary",
  "Math Facts Fluency",
  "Math Problem Solving",
  "Written Expression",
  "Behavior",
];

type CreateAction = (
  values: unknown,
  idempotencyKey: string,
) => Promise<ActionResult<{ id: string; sessionCount: number }>>;

/** Kept exported from here for the client pickers that already import it from the form. */
export { studentOption };

export function InterventionForm({
  action,
  defaults,
  initialStudents = [],
  initialFacilitators = [],
  rooms,
  templates = [],
  templateRecords = [],
}: {
  action: CreateAction;
  defaults: CreateInterventionFormValues;
  initialStudents?: PickedPerson[];
  initialFacilitators?: PickedPerson[];
  rooms: { id: string; label: string }[];
  /** The templates the planner may start from (lib/use-cases/templates/templates.ts). */
  templates?: TemplateDto[];
  /** Their records, most effective first (lib/use-cases/templates/template-record.ts). */
  templateRecords?: TemplateStatsDto[];
}) {
  const router = useRouter();
  // One key per opened form: a double click or a retry after a timeout creates one group.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    watch,
    setValue,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateInterventionFormValues, unknown, CreateInterventionInput>({
    resolver: zodResolver(createInterventionSchema),
    defaultValues: defaults,
  });

  const templateId = watch("templateId") ?? null;
  // A template fills the plan's fields over what is typed; the date, time, people and room stay.
  const pickTemplate = (template: TemplateDto | null) => {
    if (template) reset(templateToFormValues(template, getValues()), { keepDefaultValues: true });
    else setValue("templateId", null);
  };

  const onSubmit = async (values: CreateInterventionInput) => {
    setFormError(null);
    const result = await action(values, idempotencyKey);
    if (result.ok) {
      router.push(`/interventions/${result.data.id}?created=1`);
      return;
    }
    setFormError(result.message);
    for (const error of result.fieldErrors) applyServerError(error);
  };

  const applyServerError = (error: FieldError) => {
    const top = error.path.split(".")[0] as keyof CreateInterventionFormValues;
    if (top === "schedule") setError(error.path as "schedule.days", { message: error.message });
    else setError(top, { message: error.message });
  };

  const err = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      <FormError message={formError} />

      {templates.length > 0 ? (
        <TemplatePicker
          templates={templates}
          records={templateRecords}
          selectedId={templateId}
          onPick={pickTemplate}
        />
      ) : null}

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">The intervention</h2>
        <InputField id="name" label="Intervention name" error={err("name")} {...register("name")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField id="tier" label="Tier level" error={err("tier")} {...register("tier")}>
            <option value="1">Tier 1 — classroom support</option>
            <option value="2">Tier 2 — small group</option>
            <option value="3">Tier 3 — intensive</option>
          </SelectField>
          <InputField
            id="focusArea"
            label="Focus area"
            error={err("focusArea")}
            list="focus-areas"
            {...register("focusArea")}
          />
          <datalist id="focus-areas">
            {FOCUS_AREAS.map((area) => (
              <option key={area} value={area} />
            ))}
          </datalist>
        </div>
        <InputField
          id="goal"
          label="Goal (expected outcome)"
          hint="What success looks like at the end, e.g. 90 words correct per minute."
          error={err("goal")}
          {...register("goal")}
        />
        <TextAreaField
          id="description"
          label="Purpose and strategies"
          error={err("description")}
          rows={3}
          {...register("description")}
        />
      </Card>

      <ScheduleCard register={register} control={control} watch={watch} err={err} rooms={rooms} />

      <PeopleCard
        initialStudents={initialStudents}
        initialFacilitators={initialFacilitators}
        setValue={setValue}
        err={err}
      />

      <div className="flex justify-end gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create intervention"}
        </Button>
      </div>
    </form>
  );
}
