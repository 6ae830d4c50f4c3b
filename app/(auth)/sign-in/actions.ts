"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/server/auth";

export interface SignInState {
  /** Which message the form shows, in the page's language. */
  error: "missing" | "mismatch" | null;
  email: string;
}

/** Password sign-in through Auth.js; the session holds only ids, the actor is re-read per request. */
export async function signInWithPassword(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "missing", email };
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
    return { error: null, email };
  } catch (error) {
    // Success is a redirect, which Next signals by throwing: let it through.
    if (error instanceof AuthError) {
      return { error: "mismatch", email };
    }
    throw error;
  }
}

export async function signInWithDistrictSso(): Promise<void> {
  await signIn("district-sso", { redirectTo: "/" });
}
