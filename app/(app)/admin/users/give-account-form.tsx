"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Options, SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { ROLE_LABELS } from "@/lib/domain/policy/actor";
import { STAFF_ROLES, type StaffRole } from "@/lib/domain/users/access";
import type { ActionResult } from "@/lib/server/action";

type GiveAccount = (values: unknown) => Promise<ActionResult<{ name: string; email: string }>>;

/**
 * Someone from the roster who cannot sign in yet: a staff member (pick a role) or a guardian
 * (the family portal). Giving the account e-mails them a link to choose a password.
 */
export function GiveAccountForm({
  person,
  action,
}: {
  person: {
    name: string;
    email: string | null;
    /** The line under the name: a staff member's title, a guardian's children and language. */
    detail: string | null;
    target: { staffId: string } | { guardianId: string };
  };
  action: GiveAccount;
}) {
  const [role, setRole] = useState<StaffRole>("teacher");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const isStaff = "staffId" in person.target;
  const id = `give-${isStaff ? "staff" : "guardian"}-${Object.values(person.target)[0]}`;

  const give = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action(isStaff ? { ...person.target, role } : person.target);
    setBusy(false);
    setOutcome(
      result.ok
        ? {
            ok: true,
            text: `An invitation is on its way: ${result.data.name} will get an e-mail at ${result.data.email} with a link to choose a password.`,
          }
        : { ok: false, text: result.message },
    );
  };

  // Made: the person is listed among the accounts at the next search; say so here meanwhile.
  if (outcome?.ok)
    return (
      <div>
        <p className="font-semibold">{person.name}</p>
        <FormOutcome message={outcome} className="text-sm" />
      </div>
    );

  return (
    <form
      onSubmit={give}
      aria-label={`Account for ${person.name}`}
      className="grid items-end gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_auto]"
    >
      <div className={isStaff ? undefined : "md:col-span-2"}>
        <p className="font-semibold">{person.name}</p>
        <p className="text-sm text-slate-700">
          {person.email ?? "no e-mail address in the roster"}
          {person.detail ? ` · ${person.detail}` : ""}
        </p>
      </div>
      {isStaff ? (
        <SelectField
          id={`${id}-role`}
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value as StaffRole)}
        >
          <Options items={STAFF_ROLES} label={(choice) => ROLE_LABELS[choice]} />
        </SelectField>
      ) : null}
      <Button type="submit" variant="secondary" disabled={busy || !person.email}>
        {isStaff ? "Give an account" : "Give portal access"}
        <span className="sr-only"> to {person.name}</span>
      </Button>
      <FormOutcome message={outcome} className="text-sm md:col-span-3" />
    </form>
  );
}
