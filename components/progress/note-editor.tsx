"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldErrorText, InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { FieldError } from "@/lib/domain/errors";
import { previousReadingOf, type Reading } from "@/lib/domain/progress/previous-reading";
import {
  type EditProgressNoteInput,
  editProgressNoteSchema,
  NOTE_VISIBILITIES,
  NOTE_VISIBILITY_LABELS,
  PROGRESS_RATING_LABELS,
  PROGRESS_RATINGS,
  type ProgressNoteInput,
  progressNoteSchema,
} from "@/lib/domain/sessions/schemas";
import { type Mode, measureFor, type NoteFormValues, TOP_FIELDS } from "./note-form";
import { NoteMeasureFields } from "./note-measure-fields";

export type { NoteFormValues } from "./note-form";

/**
 * Scenario 4's editor: student, date, observation, a measure reading with the previous one
 * beside it ("up from 2.8"), next steps, progress rating and who may read the note. The same zod
 * schema validates here and on the server; an edit also asks why.
 */
export function NoteEditor({
  interventionId,
  mode,
  defaults,
  previous,
  defaultMeasure,
}: {
  interventionId: string;
  mode: Mode;
  defaults: NoteFormValues;
  /** Each student's latest reading per measure, for "up from …". */
  previous: Record<string, Reading[]>;
  /** The intervention's measure, prefilled when a student has no reading to go by. */
  defaultMeasure: { name: string; unit: string | null } | null;
}) {
  const router = useRouter();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ studentId: string; studentName: string } | null>(null);
  const schema = mode.kind === "edit" ? editProgressNoteSchema : progressNoteSchema;
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    reset,
    getFieldState,
    formState: { errors, isSubmitting },
  } = useForm<NoteFormValues, unknown, ProgressNoteInput | EditProgressNoteInput>({
    // The schema's declared input is `unknown` (it preprocesses blank fields); it parses exactly
    // these text values, which is what the cast states.
    resolver: zodResolver(schema) as unknown as Resolver<
      NoteFormValues,
      unknown,
      ProgressNoteInput | EditProgressNoteInput
    >,
    defaultValues: defaults,
  });

  const studentId = watch("studentId");
  const measureName = watch("measure.name");
  const measureValue = watch("measure.value");
  const readings = previous[studentId] ?? [];
  const last = mode.kind === "create" ? previousReadingOf(readings, measureName) : null;

  // A new student: prefill the measure they were last read on, else the intervention's.
  useEffect(() => {
    if (mode.kind !== "create" || getFieldState("measure.name").isDirty) return;
    const measure = measureFor(previous[studentId] ?? [], defaultMeasure);
    setValue("measure.name", measure.name);
    setValue("measure.unit", measure.unit);
  }, [studentId, mode.kind, previous, defaultMeasure, setValue, getFieldState]);

  const applyServerErrors = (fieldErrors: FieldError[]) => {
    for (const error of fieldErrors) {
      if (error.path.startsWith("measure.")) {
        setError(error.path as "measure.name", { message: error.message });
      } else if (TOP_FIELDS.has(error.path)) {
        setError(error.path as keyof NoteFormValues, { message: error.message });
      }
    }
  };

  const onSubmit = async (values: ProgressNoteInput | EditProgressNoteInput) => {
    setFormError(null);
    setSaved(null);
    const result =
      mode.kind === "create"
        ? await mode.action(values, interventionId, idempotencyKey)
        : await mode.action(values, interventionId, mode.noteId);
    if (!result.ok) {
      setFormError(result.message);
      applyServerErrors(result.fieldErrors);
      return;
    }
    if (mode.kind === "edit") {
      router.push(`/interventions/${interventionId}/notes?student=${result.data.studentId}`);
      router.refresh();
      return;
    }
    setSaved({ studentId: result.data.studentId, studentName: result.data.studentName });
    // The next note is a new request: a new key, and a fresh form for the same student.
    setIdempotencyKey(crypto.randomUUID());
    reset({
      ...defaults,
      studentId: result.data.studentId,
      date: values.date,
      measure: { ...measureFor(previous[result.data.studentId] ?? [], defaultMeasure), value: "" },
    });
    router.refresh();
  };

  const err = (path: string): string | undefined => {
    let node: unknown = errors;
    for (const part of path.split("."))
      node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4"
      aria-label="Progress note"
    >
      <FormError message={formError} />
      {saved ? (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
        >
          Note saved for {saved.studentName}.{" "}
          <Link href={`/students/${saved.studentId}/progress`} className="font-semibold underline">
            See {saved.studentName}'s progress chart
          </Link>
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        {mode.kind === "create" ? (
          <SelectField
            id="note-student"
            label="Student"
            error={err("studentId")}
            {...register("studentId")}
          >
            <option value="">Choose a student</option>
            {mode.students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Student</p>
            <p className="min-h-11 py-2 font-semibold">{mode.studentName}</p>
          </div>
        )}
        <InputField
          id="note-date"
          label="Date"
          error={err("date")}
          type="date"
          {...register("date")}
        />
      </div>

      <TextAreaField
        id="note-observation"
        label="Observation"
        error={err("observation")}
        rows={3}
        {...register("observation")}
      />

      <NoteMeasureFields register={register} err={err} last={last} value={measureValue} />

      <TextAreaField
        id="note-next-steps"
        label="Next steps (optional)"
        error={err("nextSteps")}
        rows={2}
        {...register("nextSteps")}
      />

      <SelectField
        id="note-rating"
        label="Progress rating"
        error={err("progressRating")}
        {...register("progressRating")}
      >
        <option value="">No rating</option>
        {PROGRESS_RATINGS.map((rating) => (
          <option key={rating} value={rating}>
            {PROGRESS_RATING_LABELS[rating]}
          </option>
        ))}
      </SelectField>

      <fieldset aria-describedby={err("visibility") ? "note-visibility-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Who may read this note</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {NOTE_VISIBILITIES.map((visibility) => (
            <label
              key={visibility}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={visibility} {...register("visibility")} />
              {NOTE_VISIBILITY_LABELS[visibility]}
            </label>
          ))}
        </div>
        {err("visibility") ? (
          <FieldErrorText id="note-visibility-error" message={err("visibility")!} />
        ) : null}
      </fieldset>

      {mode.kind === "edit" ? (
        <InputField
          id="note-reason"
          label="Reason for the change"
          hint="Kept with the earlier version in the note's history and the audit trail."
          error={err("reason")}
          {...register("reason")}
        />
      ) : null}

      <Button type="submit" disabled={isSubmitting} className="w-full sm:w-auto">
        {isSubmitting ? "Saving…" : mode.kind === "edit" ? "Save changes" : "Save note"}
      </Button>
    </form>
  );
}
