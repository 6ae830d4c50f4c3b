"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { AuthLanguage } from "@/lib/i18n/auth";
import { type SetPasswordState, setPasswordAction } from "./actions";
import { SET_PASSWORD_TEXT } from "./text";

export function SetPasswordForm({
  token,
  email,
  language,
}: {
  token: string;
  email: string;
  language: AuthLanguage;
}) {
  const text = SET_PASSWORD_TEXT[language];
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {
    state: "form",
    wrong: { password: false, confirm: false },
  });
  if (state.state === "done") {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium text-emerald-800">{text.done}</p>
        <Link href={`/sign-in?lang=${language}`} className="text-brand-700 underline">
          {text.signIn(state.email)}
        </Link>
      </div>
    );
  }
  if (state.state !== "form") return <p role="alert">{text[state.state]}</p>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <InputField
        id="password"
        name="password"
        type="password"
        label={text.password}
        autoComplete="new-password"
        hint={text.passwordHint}
        error={state.wrong.password ? text.passwordRule : undefined}
        required
      />
      <InputField
        id="confirm"
        name="confirm"
        type="password"
        label={text.confirm}
        autoComplete="new-password"
        error={state.wrong.confirm ? text.different : undefined}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.saving : text.save}
      </Button>
    </form>
  );
}
