"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { AUTH_TEXT, type AuthLanguage } from "@/lib/i18n/auth";
import { type ForgotPasswordState, requestPasswordLinkAction } from "./actions";

export function ForgotPasswordForm({ language }: { language: AuthLanguage }) {
  const text = AUTH_TEXT[language];
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(
    requestPasswordLinkAction,
    { sent: false, invalidEmail: false, email: "" },
  );
  if (state.sent) {
    return (
      <div role="status" className="space-y-3">
        <p>{text.sent(state.email)}</p>
        <Link href={`/sign-in?lang=${language}`} className="text-brand-700 underline">
          {text.backToSignIn}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.waitMinutes ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {text.linkPaused(state.waitMinutes)}
        </p>
      ) : null}
      <InputField
        id="email"
        name="email"
        type="email"
        label={text.email}
        autoComplete="username"
        defaultValue={state.email}
        error={state.invalidEmail ? text.invalidEmail : undefined}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.sending : text.sendLink}
      </Button>
    </form>
  );
}
