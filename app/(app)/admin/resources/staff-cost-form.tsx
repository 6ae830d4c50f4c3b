"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { centsFromDollars, dollarsText } from "@/lib/domain/scheduling/money";
import {
  COST_ROLE_LABELS,
  COST_ROLES,
  type HourlyStaffCosts,
} from "@/lib/domain/scheduling/staff-cost";
import type { ActionResult } from "@/lib/server/action";

/**
 * The district's loaded hourly cost per cost role (salary, benefits and taxes), which group
 * budgets price facilitators' time at. Typed in dollars, saved in cents.
 */
export function StaffCostForm({
  current,
  action,
}: {
  current: HourlyStaffCosts;
  action: (values: unknown) => Promise<ActionResult<HourlyStaffCosts>>;
}) {
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(COST_ROLES.map((role) => [role, dollarsText(current[role])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const values = Object.fromEntries(
      COST_ROLES.map((role) => [role, centsFromDollars(text[role] ?? "")]),
    );
    const result = await action(values);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setOutcome({ ok: true, text: "Saved. Group budgets use these rates from now on." });
    } else {
      setErrors(Object.fromEntries(result.fieldErrors.map((e) => [e.path, e.message])));
      setOutcome({ ok: false, text: result.message });
    }
  };

  return (
    <Card>
      <form onSubmit={save} className="space-y-4" aria-label="Staff cost per hour">
        <div>
          <h2 className="text-lg font-semibold">Staff cost per hour</h2>
          <p className="text-sm text-slate-700">
            The loaded hourly cost (salary, benefits, payroll taxes) of each kind of staff. A
            facilitator is priced by their job title from the roster (aide or paraprofessional;
            specialist, interventionist, counselor or psychologist; principal or director; teacher),
            else by their sign-in role, else as a teacher.
          </p>
        </div>
        <div className="grid gap-4 md:grid-cols-4">
          {COST_ROLES.map((role) => (
            <InputField
              key={role}
              id={`staff-cost-${role}`}
              label={`${COST_ROLE_LABELS[role]} ($/hour)`}
              inputMode="decimal"
              value={text[role] ?? ""}
              onChange={(event) => setText((t) => ({ ...t, [role]: event.target.value }))}
              error={errors[role]}
            />
          ))}
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            Save rates
          </Button>
          <FormOutcome message={outcome} />
        </div>
      </form>
    </Card>
  );
}
