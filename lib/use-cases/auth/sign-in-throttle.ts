import { forgetThrottleRecord } from "@/db/queries/sign-in-failures";
import { PER_ACCOUNT, PER_CLIENT } from "@/lib/domain/security/sign-in-throttle";
import {
  countAgainst,
  type ThrottleDeps,
  type ThrottleKey,
  throttleKey,
  throttleWait,
} from "./throttle";

export type { ThrottleDeps } from "./throttle";

export interface SignInAttempt {
  email: string;
  /** The client's address when a trusted proxy gave it (TRUST_PROXY), else null. */
  client: string | null;
}

function keysOf(attempt: SignInAttempt): ThrottleKey[] {
  const keys: ThrottleKey[] = [[`account:${attempt.email.trim().toLowerCase()}`, PER_ACCOUNT]];
  if (attempt.client) keys.push([`client:${attempt.client}`, PER_CLIENT]);
  return keys;
}

/** Minutes the attempt must wait (the longest of its keys' locks), or 0 when it may try. */
export async function signInWait(deps: ThrottleDeps, attempt: SignInAttempt): Promise<number> {
  return throttleWait(deps, keysOf(attempt));
}

/**
 * Counts a failed attempt against the address and the client; returns the minutes they must
 * now wait, so the failure that starts a pause can already say so.
 */
export async function recordSignInFailure(
  deps: ThrottleDeps,
  attempt: SignInAttempt,
): Promise<number> {
  return countAgainst(deps, keysOf(attempt));
}

/** A successful sign-in clears the address's count (not the client's: others share it). */
export async function recordSignInSuccess(
  deps: ThrottleDeps,
  attempt: SignInAttempt,
): Promise<void> {
  const [[account]] = keysOf(attempt) as [ThrottleKey];
  await forgetThrottleRecord(deps.db, throttleKey(deps.secret, account));
}
