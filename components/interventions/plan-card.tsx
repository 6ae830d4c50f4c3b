/** The intervention form's first card: name, tier, focus area, goal and purpose. */

import type { UseFormRegister } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import type { InterventionFormValues } from "@/lib/domain/interventions/form-schema";

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

/** The tier is chosen when a group is planned; a tier change later is a decision of its own. */
export function PlanCard({
  register,
  err,
  chooseTier,
}: {
  register: UseFormRegister<InterventionFormValues>;
  err: (path: string) => string | undefined;
  chooseTier: boolean;
}) {
  return (
    <Card className="space-y-4">
      <h2 className="text-lg font-semibold">The intervention</h2>
      <InputField id="name" label="Intervention name" error={err("name")} {...register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        {chooseTier ? (
          <SelectField id="tier" label="Tier level" error={err("tier")} {...register("tier")}>
            <option value="1">Tier 1 — classroom support</option>
            <option value="2">Tier 2 — small group</option>
            <option value="3">Tier 3 — intensive</option>
          </SelectField>
        ) : null}
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
  );
}
