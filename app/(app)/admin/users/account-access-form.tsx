"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Options, SelectField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { ROLE_LABELS, type Role } from "@/lib/domain/policy/actor";
import type { ActionResult } from "@/lib/server/action";

type ChangeAccess = (
  values: unknown,
) => Promise<ActionResult<{ role: Role; active: boolean; changed: boolean }>>;

export interface AccountRow {
  userId: string;
  name: string;
  email: string;
  title: string | null;
  role: Role;
  active: boolean;
  roles: Role[];
  isSelf: boolean;
  lastSignIn: string;
}

/** One account: its role and whether it may sign in, saved together. */
export function AccountAccessForm({
  account,
  action,
}: {
  account: AccountRow;
  action: ChangeAccess;
}) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(account.role);
  const [active, setActive] = useState(account.active);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [roleError, setRoleError] = useState<string | undefined>();
  const id = `account-${account.userId}`;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action({ userId: account.userId, role, active });
    setBusy(false);
    if (!result.ok) {
      setRoleError(result.fieldErrors.find((e) => e.path === "role")?.message);
      setOutcome({ ok: false, text: result.message });
      return;
    }
    setRoleError(undefined);
    setOutcome({
      ok: true,
      text: !result.data.changed
        ? "Nothing to change."
        : result.data.active
          ? `Saved: ${account.name} is ${ROLE_LABELS[result.data.role].toLowerCase()} from their next click on.`
          : `Saved: ${account.name} can no longer sign in; an open session ends at their next click.`,
    });
    router.refresh();
  };

  return (
    <form
      onSubmit={save}
      aria-label={`Access of ${account.name}`}
      className="grid items-end gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_auto_auto]"
    >
      <div>
        <p className="font-semibold">
          {account.name}
          {account.isSelf ? <span className="font-normal text-slate-600"> (you)</span> : null}
          {account.active ? null : (
            <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
              Switched off
            </span>
          )}
        </p>
        <p className="text-sm text-slate-700">
          {account.email}
          {account.title ? ` · ${account.title}` : ""}
        </p>
        <p className="text-sm text-slate-600">Last sign-in: {account.lastSignIn}</p>
      </div>
      <SelectField
        id={`${id}-role`}
        label="Role"
        value={role}
        error={roleError}
        disabled={account.roles.length < 2 || account.isSelf}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        <Options items={account.roles} label={(choice) => ROLE_LABELS[choice]} />
      </SelectField>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-5"
          checked={active}
          disabled={account.isSelf}
          onChange={(event) => setActive(event.target.checked)}
        />
        May sign in
      </label>
      {account.isSelf ? (
        <p className="text-sm text-slate-600">Another admin changes your own access.</p>
      ) : (
        <Button type="submit" variant="secondary" disabled={busy}>
          Save<span className="sr-only"> access of {account.name}</span>
        </Button>
      )}
      <FormOutcome message={outcome} className="text-sm md:col-span-4" />
    </form>
  );
}
