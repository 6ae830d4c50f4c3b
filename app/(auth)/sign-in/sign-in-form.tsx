"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldErrorText, inputClasses } from "@/components/ui/field";
import { AUTH_TEXT, type AuthLanguage } from "@/lib/i18n/auth";
import { type SignInState, signInWithPassword } from "./actions";

export function SignInForm({ language }: { language: AuthLanguage }) {
  const text = AUTH_TEXT[language];
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: null,
    email: "",
  });
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="email" label={text.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={inputClasses}
        />
      </Field>
      <Field id="password" label={text.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClasses}
        />
      </Field>
      {state.error ? (
        <FieldErrorText
          id="sign-in-error"
          message={state.error === "locked" ? text.locked(state.minutes ?? 1) : text[state.error]}
        />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.signingIn : text.signIn}
      </Button>
    </form>
  );
}
