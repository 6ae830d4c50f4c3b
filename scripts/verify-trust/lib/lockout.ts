import postgres from "postgres";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/scripts/seed";
import type { TrustEnvironment } from "../types";
import { readBuiltActions } from "./build-routes";
import { HttpClient, signIn } from "./http";

/**
 * Decision 0012 shown from outside: wrong passwords for one address through the sign-in form's
 * own server action (as the browser posts it), until the form answers "locked"; then the right
 * password, through Auth.js's endpoint that API clients use, is refused too.
 */

/** The form's state the action returns, read from the RSC payload. */
function formState(payload: string): { error?: string; minutes?: number } | null {
  const match = /\{"error":(?:"(\w+)"|null)[^{}]*\}/.exec(payload);
  if (!match) return null;
  try {
    return JSON.parse(match[0]) as { error?: string; minutes?: number };
  } catch {
    return null;
  }
}

/** Posts the sign-in form as React does: the state and the form's fields, multipart. */
async function postSignInForm(baseUrl: string, actionId: string, email: string, password: string) {
  const form = new FormData();
  form.append("_1_email", email);
  form.append("_1_password", password);
  form.append("0", JSON.stringify([{ error: null, email: "" }, "$K1"]));
  const answer = await new HttpClient(baseUrl).request("/sign-in", {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component" },
    body: form,
  });
  return { status: answer.status, state: formState(answer.body) };
}

export interface LockoutResult {
  /** What the form said to each try: mismatch, …, locked. */
  answers: string[];
  minutes: number | undefined;
  /** Whether the right password was refused while locked. */
  rightPasswordRefused: boolean;
}

export async function proveLockout(
  environment: TrustEnvironment,
  tries = 6,
): Promise<LockoutResult> {
  const action = readBuiltActions(environment.distDir ?? ".next").find(
    (candidate) => candidate.name === "signInWithPassword",
  );
  if (!action) throw new Error("the build has no signInWithPassword action");
  const email = DEMO_ACCOUNTS.padre;
  const answers: string[] = [];
  let minutes: number | undefined;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const { status, state } = await postSignInForm(
      environment.baseUrl,
      action.id,
      email,
      `wrong-${attempt}`,
    );
    answers.push(state?.error ?? `HTTP ${status}`);
    if (state?.error === "locked") minutes = state.minutes;
  }
  const right = await signIn(environment.baseUrl, email, DEMO_PASSWORD);
  await forgetFailures(environment.ownerDatabaseUrl);
  return { answers, minutes, rightPasswordRefused: !right.signedIn };
}

/** The run's other checks may sign in as anyone: the pause is lifted afterwards. */
async function forgetFailures(ownerUrl: string) {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from intervention.sign_in_failures`;
  } catch (error) {
    console.error("verify:trust: could not clear the sign-in failures:", error);
  } finally {
    await sql.end();
  }
}
