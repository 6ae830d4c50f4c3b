"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormOutcome } from "@/components/ui/form-outcome";
import { formatDate } from "@/lib/domain/calendar/format";
import type { RolloverOutcome } from "@/lib/domain/calendar/school-years";
import type { ActionResult } from "@/lib/server/action";
import type { RolloverResult } from "@/lib/use-cases/school-years/close-school-year";

interface LateGroup {
  id: string;
  name: string;
  tier: number;
  sessionsAfter: number;
  facilitatorName: string | null;
}

type CloseAction = (values: unknown, yearId: string) => Promise<ActionResult<RolloverResult>>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The year-end rollover: each group still meeting after the last day continues into the next
 * year (the default: no child loses their plan over the summer) or ends on the last day; then
 * one button closes the year. The outcome replaces the form, since the year is then closed.
 */
export function RolloverForm({
  action,
  yearId,
  yearLabel,
  lastDay,
  nextLabel,
  nextFirstDay,
  groups,
  tieredStudents,
}: {
  action: CloseAction;
  yearId: string;
  yearLabel: string;
  lastDay: string;
  nextLabel: string;
  nextFirstDay: string;
  groups: readonly LateGroup[];
  tieredStudents: number;
}) {
  const [choices, setChoices] = useState<Record<string, RolloverOutcome>>(() =>
    Object.fromEntries(groups.map((group) => [group.id, "continue" as const])),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RolloverResult | null>(null);

  if (done) {
    return (
      <FormOutcome
        message={{
          ok: true,
          text: `${done.year.label} is closed. ${plural(done.continued, "group continues", "groups continue")} into ${done.next.label}, ${plural(done.ended, "group ends", "groups end")} on ${formatDate(lastDay)}; ${plural(done.tiersCarriedOver, "student's tier", "students' tiers")} carried over.`,
        }}
      />
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await action(
      {
        groups: Object.entries(choices).map(([interventionId, outcome]) => ({
          interventionId,
          outcome,
        })),
      },
      yearId,
    );
    setPending(false);
    if (result.ok) setDone(result.data);
    else setError([result.message, ...result.fieldErrors.map((e) => e.message)].join(" "));
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={`Close ${yearLabel}`}>
      <FormError message={error} />
      {groups.length === 0 ? (
        <p className="text-slate-700">No group meets after {formatDate(lastDay)}.</p>
      ) : (
        <ul className="space-y-3" data-testid="rollover-groups">
          {groups.map((group) => (
            <li key={group.id} className="rounded-md border border-slate-200 p-3">
              <fieldset>
                <legend className="font-semibold">
                  {group.name}
                  <span className="block text-sm font-normal text-slate-700">
                    Tier {group.tier} · {group.facilitatorName ?? "no facilitator"} ·{" "}
                    {plural(group.sessionsAfter, "session", "sessions")} after {formatDate(lastDay)}
                  </span>
                </legend>
                <div className="mt-2 flex flex-wrap gap-4">
                  {(["continue", "end"] as const).map((outcome) => (
                    <label key={outcome} className="flex min-h-11 items-center gap-2">
                      <input
                        type="radio"
                        name={`rollover-${group.id}`}
                        value={outcome}
                        checked={choices[group.id] === outcome}
                        onChange={() => setChoices((c) => ({ ...c, [group.id]: outcome }))}
                      />
                      {outcome === "continue"
                        ? `Continue from ${formatDate(nextFirstDay)}`
                        : `End on ${formatDate(lastDay)}`}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-700">
        {plural(tieredStudents, "student in Tier 2 or 3 keeps", "students in Tier 2 or 3 keep")}{" "}
        their tier into {nextLabel}, with a decision on their record.
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Closing…" : `Close ${yearLabel}`}
      </Button>
    </form>
  );
}
