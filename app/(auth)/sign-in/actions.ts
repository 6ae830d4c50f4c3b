"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { isLocked, SignInLocked, signIn, signInWaitMinutes } from "@/lib/server/auth";
import { formFields } from "@/lib/server/form-fields";

export interface SignInState {
  /** Which message the form shows, in the page's language. */
  error: "missing" | "mismatch" | "locked" | null;
  email: string;
  /** With "locked": how long until the address may try again. */
  minutes?: number;
}

/** Password sign-in through Auth.js; the session holds only ids, the actor is re-read per request. */
export async function signInWithPassword(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const fields = formFields(form);
  const email = (fields.email ?? "").trim();
  const password = fields.password ?? "";
  if (!email || !password) return { error: "missing", email };
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
    return { error: null, email };
  } catch (error) {
    // Success is a redirect, which Next signals by throwing: let it through.
    if (error instanceof SignInLocked || (error instanceof AuthError && isLocked(error))) {
      return { error: "locked", email, minutes: await signInWaitMinutes(email, await headers()) };
    }
    if (error instanceof AuthError) {
      return { error: "mismatch", email };
    }
    throw error;
  }
}

export async function signInWithDistrictSso(): Promise<void> {
  await signIn("district-sso", { redirectTo: "/" });
}
