"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { PersonPicker, type PickedPerson } from "@/components/people/person-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  Field,
  FieldErrorText,
  InputField,
  SelectField,
  TextAreaField,
} from "@/components/ui/field";
import type { FieldError } from "@/lib/domain/errors";
import {
  type CreateInterventionFormValues,
  type CreateInterventionInput,
  createInterventionSchema,
  WEEKDAY_LABELS,
} from "@/lib/domain/interventions/schemas";
import { describeFrequency, plannedSessionCount } from "@/lib/domain/schedule/generate-sessions";
import type { ActionResult } from "@/lib/server/action";
import { studentOption } from "./student-option";

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
const SCHOOL_DAYS = ["MO", "TU", "WE", "TH", "FR"] as const;

type CreateAction = (
  values: unknown,
  idempotencyKey: string,
) => Promise<ActionResult<{ id: string; sessionCount: number }>>;

/** Kept exported from here for the client pickers that already import it from the form. */
export { studentOption };

function staffOption(item: Record<string, unknown>): PickedPerson {
  return {
    id: String(item.id),
    label: String(item.displayName),
    detail: item.title ? String(item.title) : undefined,
  };
}

export function InterventionForm({
  action,
  defaults,
  initialStudents = [],
  initialFacilitators = [],
  rooms,
}: {
  action: CreateAction;
  defaults: CreateInterventionFormValues;
  initialStudents?: PickedPerson[];
  initialFacilitators?: PickedPerson[];
  rooms: { id: string; label: string }[];
}) {
  const router = useRouter();
  // One key per opened form: a double click or a retry after a timeout creates one group.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [students, setStudents] = useState<PickedPerson[]>(initialStudents);
  const [facilitators, setFacilitators] = useState<PickedPerson[]>(initialFacilitators);
  const {
    register,
    handleSubmit,
    control,
    watch,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInterventionFormValues, unknown, CreateInterventionInput>({
    resolver: zodResolver(createInterventionSchema),
    defaultValues: defaults,
  });

  const days = watch("schedule.days") ?? [];
  const weeks = Number(watch("durationWeeks"));
  const minutes = Number(watch("schedule.minutes"));
  const sessionTotal = Number.isInteger(weeks) && weeks > 0 ? plannedSessionCount(weeks, days) : 0;

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
      {formError ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {formError}
        </div>
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

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">Schedule</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id="startDate"
            label="Start date"
            error={err("startDate")}
            type="date"
            {...register("startDate")}
          />
          <InputField
            id="durationWeeks"
            label="Duration (weeks)"
            error={err("durationWeeks")}
            type="number"
            inputMode="numeric"
            min={1}
            max={40}
            {...register("durationWeeks")}
          />
        </div>
        <fieldset aria-describedby={err("schedule.days") ? "days-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Days of the week</legend>
          <Controller
            control={control}
            name="schedule.days"
            render={({ field }) => (
              <div className="mt-1 flex flex-wrap gap-2">
                {SCHOOL_DAYS.map((day) => {
                  const checked = (field.value ?? []).includes(day);
                  return (
                    <label
                      key={day}
                      className={`inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 ${checked ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
                    >
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() =>
                          field.onChange(
                            checked
                              ? field.value.filter((d) => d !== day)
                              : SCHOOL_DAYS.filter((d) => d === day || field.value.includes(d)),
                          )
                        }
                      />
                      {WEEKDAY_LABELS[day]}
                    </label>
                  );
                })}
              </div>
            )}
          />
          {err("schedule.days") ? (
            <FieldErrorText id="days-error" message={err("schedule.days")!} />
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id="startTime"
            label="Start time"
            error={err("schedule.startTime")}
            type="time"
            {...register("schedule.startTime")}
          />
          <InputField
            id="minutes"
            label="Minutes per session"
            error={err("schedule.minutes")}
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            {...register("schedule.minutes")}
          />
        </div>
        <p
          className="rounded-md bg-slate-100 p-3 text-sm"
          aria-live="polite"
          data-testid="session-plan"
        >
          {sessionTotal > 0 && days.length > 0 && minutes > 0
            ? `${describeFrequency({ days, minutes })}: ${sessionTotal} sessions over ${weeks} weeks. Holidays are skipped and the series extended.`
            : "Pick days, a duration and a session length to see the plan."}
        </p>
        <SelectField
          id="roomId"
          label="Room (optional)"
          error={err("roomId")}
          {...register("roomId", { setValueAs: (v: string) => (v === "" ? null : v) })}
        >
          <option value="">No room</option>
          {rooms.map((room) => (
            <option key={room.id} value={room.id}>
              {room.label}
            </option>
          ))}
        </SelectField>
      </Card>

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">People</h2>
        <Field id="facilitator" label="Facilitator" error={err("facilitatorIds")}>
          <PersonPicker
            id="facilitator"
            endpoint="/api/v1/staff"
            toOption={staffOption}
            selected={facilitators}
            multiple={false}
            placeholder="Search staff by name"
            invalid={Boolean(err("facilitatorIds"))}
            describedById={err("facilitatorIds") ? "facilitator-error" : undefined}
            onChange={(people) => {
              setFacilitators(people);
              setValue(
                "facilitatorIds",
                people.map((p) => p.id),
                { shouldValidate: true },
              );
            }}
          />
        </Field>
        <Field
          id="students"
          label={`Students (${students.length} selected)`}
          hint="Search by name or student number. Tier 2 groups usually have 3–6 students."
          error={err("studentIds")}
        >
          <PersonPicker
            id="students"
            endpoint="/api/v1/students"
            toOption={studentOption}
            selected={students}
            multiple
            placeholder="Search students"
            invalid={Boolean(err("studentIds"))}
            describedById={err("studentIds") ? "students-error" : "students-hint"}
            onChange={(people) => {
              setStudents(people);
              setValue(
                "studentIds",
                people.map((p) => p.id),
                { shouldValidate: true },
              );
            }}
          />
        </Field>
      </Card>

      <div className="flex justify-end gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create intervention"}
        </Button>
      </div>
    </form>
  );
}
