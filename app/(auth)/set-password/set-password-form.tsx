"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/lib/domain/users/password-rules";
import { type SetPasswordState, setPasswordAction } from "./actions";
import { LINK_REFUSALS } from "./refusals";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {
    state: "form",
    errors: {},
  });
  if (state.state === "done") {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium text-emerald-800">Your password is set.</p>
        <Link href="/sign-in" className="text-brand-700 underline">
          Sign in as {state.email}
        </Link>
      </div>
    );
  }
  if (state.state !== "form") return <p role="alert">{LINK_REFUSALS[state.state]}</p>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <InputField
        id="password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few words you will remember work well.`}
        error={state.errors.password}
        required
      />
      <InputField
        id="confirm"
        name="confirm"
        type="password"
        label="The same password again"
        autoComplete="new-password"
        error={state.errors.confirm}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set my password"}
      </Button>
    </form>
  );
}
