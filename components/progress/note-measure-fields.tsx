/** The note editor's measure reading: name, value and unit, with the previous reading beside it. */

import type { UseFormRegister } from "react-hook-form";
import { describedBy, InputField } from "@/components/ui/field";
import { changeFromPrevious, type Reading } from "@/lib/domain/progress/previous-reading";
import type { NoteFormValues } from "./note-form";

/**
 * Scenario 4's "up from 2.8": once a value is typed, how it compares with the student's last
 * reading of the same measure; before that, the last reading itself.
 */
export function NoteMeasureFields({
  register,
  err,
  last,
  value,
}: {
  register: UseFormRegister<NoteFormValues>;
  err: (path: string) => string | undefined;
  /** The student's latest reading of the measure named; null when there is none (or an edit). */
  last: Reading | null;
  /** The value field as typed. */
  value: string;
}) {
  const typed = value.trim() === "" ? Number.NaN : Number(value);
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Measure (optional)</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField
          id="note-measure-name"
          label="Measure"
          error={err("measure.name")}
          placeholder="e.g. Fluency level"
          {...register("measure.name")}
        />
        <InputField
          id="note-measure-value"
          label="Value"
          error={err("measure.value")}
          inputMode="decimal"
          {...register("measure.value")}
          // The last reading, shown below the measure's fields, is this input's hint.
          {...describedBy("note-measure-value", err("measure.value"), last ? "shown" : undefined)}
        />
        <InputField
          id="note-measure-unit"
          label="Unit"
          error={err("measure.unit")}
          placeholder="e.g. grade level"
          {...register("measure.unit")}
        />
      </div>
      {last ? (
        <p
          id="note-measure-value-hint"
          className="text-sm text-slate-700"
          aria-live="polite"
          data-testid="previous-reading"
        >
          {Number.isFinite(typed)
            ? `${changeFromPrevious(typed, last.value)} (${last.date})`
            : `Last reading: ${last.value}${last.unit ? ` ${last.unit}` : ""} on ${last.date}`}
        </p>
      ) : null}
    </fieldset>
  );
}
