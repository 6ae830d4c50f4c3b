import { InputField } from "@/components/ui/field";

/** The plan a meeting agreed for a student, as typed: numbers stay text until the save. */
export interface AgreedPlan {
  description: string;
  with: string;
  sessionsPerWeek: string;
  minutes: string;
}

export const NO_PLAN: AgreedPlan = { description: "", with: "", sessionsPerWeek: "", minutes: "" };

/** What, with whom, how often and how long: the plan line of a meeting's recap. */
export function AgreedPlanFields({
  plan,
  onChange,
}: {
  plan: AgreedPlan;
  onChange: (plan: AgreedPlan) => void;
}) {
  return (
    <fieldset className="grid gap-3 md:col-span-2 md:grid-cols-4">
      <legend className="text-sm font-medium text-slate-800">Plan agreed</legend>
      <InputField
        id="meeting-plan-description"
        label="What"
        placeholder="1:1 reading"
        value={plan.description}
        onChange={(e) => onChange({ ...plan, description: e.target.value })}
      />
      <InputField
        id="meeting-plan-with"
        label="With"
        placeholder="Ms. Johnson"
        value={plan.with}
        onChange={(e) => onChange({ ...plan, with: e.target.value })}
      />
      <InputField
        id="meeting-plan-sessions"
        label="Sessions a week"
        type="number"
        min={1}
        max={10}
        value={plan.sessionsPerWeek}
        onChange={(e) => onChange({ ...plan, sessionsPerWeek: e.target.value })}
      />
      <InputField
        id="meeting-plan-minutes"
        label="Minutes each"
        type="number"
        min={5}
        max={240}
        value={plan.minutes}
        onChange={(e) => onChange({ ...plan, minutes: e.target.value })}
      />
    </fieldset>
  );
}
