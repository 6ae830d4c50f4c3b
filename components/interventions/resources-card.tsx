/** The planning form's resources: what each session holds from the catalogue, and how many. */

import { Plus, X } from "lucide-react";
import { type Control, type UseFormRegister, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldErrorText, InputField, SelectField } from "@/components/ui/field";
import type {
  InterventionFormInput,
  InterventionFormValues,
} from "@/lib/domain/interventions/form-schema";

export interface ResourceChoice {
  id: string;
  name: string;
  kind: string;
  /** How many the district has (units that may be in use at once). */
  quantity: number;
}

export function ResourcesCard({
  control,
  register,
  err,
  choices,
}: {
  control: Control<InterventionFormValues, unknown, InterventionFormInput>;
  register: UseFormRegister<InterventionFormValues>;
  err: (path: string) => string | undefined;
  choices: ResourceChoice[];
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "resources" });
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">Resources</h2>
        <p className="text-sm text-slate-700">
          Curriculum, materials and equipment the group uses in each session. A resource in use by
          other groups at the same time shows as a conflict.
        </p>
      </div>
      {choices.length === 0 ? (
        <p className="text-sm text-slate-700">Your district has no resources in its catalogue.</p>
      ) : (
        <>
          {fields.length > 0 ? (
            <ul className="space-y-3" aria-label="Resources of the group">
              {fields.map((field, index) => (
                <li
                  key={field.id}
                  className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_8rem_auto]"
                >
                  <SelectField
                    id={`resources-${index}-resourceId`}
                    label={`Resource ${index + 1}`}
                    error={err(`resources.${index}.resourceId`)}
                    {...register(`resources.${index}.resourceId`)}
                  >
                    <option value="">Pick a resource</option>
                    {choices.map((choice) => (
                      <option key={choice.id} value={choice.id}>
                        {choice.name} ({choice.kind}, {choice.quantity} in the district)
                      </option>
                    ))}
                  </SelectField>
                  <InputField
                    id={`resources-${index}-quantity`}
                    label="How many"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    error={err(`resources.${index}.quantity`)}
                    {...register(`resources.${index}.quantity`)}
                  />
                  <Button
                    variant="ghost"
                    onClick={() => remove(index)}
                    aria-label={`Remove resource ${index + 1}`}
                  >
                    <X aria-hidden className="size-4" />
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {err("resources") ? (
            <FieldErrorText id="resources-error" message={err("resources")!} />
          ) : null}
          <Button variant="secondary" onClick={() => append({ resourceId: "", quantity: 1 })}>
            <Plus aria-hidden className="size-4" />
            Add a resource
          </Button>
        </>
      )}
    </Card>
  );
}
