"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { PASSWORD_LINK_DAYS } from "@/lib/domain/users/password-rules";
import { type ForgotPasswordState, requestPasswordLinkAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ForgotPasswordState, FormData>(
    requestPasswordLinkAction,
    { sent: false, error: null, email: "" },
  );
  if (state.sent) {
    return (
      <div role="status" className="space-y-3">
        <p>
          If {state.email} has a NorthStar account, a link to choose a new password is on its way.
          It works once, for {PASSWORD_LINK_DAYS} days. Nothing arrived? Check the spam folder, or
          ask your district&apos;s administrator.
        </p>
        <Link href="/sign-in" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <InputField
        id="email"
        name="email"
        type="email"
        label="E-mail address"
        autoComplete="username"
        defaultValue={state.email}
        error={state.error ?? undefined}
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "E-mail me a link"}
      </Button>
    </form>
  );
}
