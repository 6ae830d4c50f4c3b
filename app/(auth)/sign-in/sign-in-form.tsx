"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldErrorText, inputClasses } from "@/components/ui/field";
import { type SignInState, signInWithPassword } from "./actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: null,
    email: "",
  });
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="email" label="E-mail address">
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
      <Field id="password" label="Password">
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClasses}
        />
      </Field>
      {state.error ? <FieldErrorText id="sign-in-error" message={state.error} /> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
