import { createHmac } from "node:crypto";
import type { Database } from "@/db/client";
import {
  forgetThrottleRecord,
  throttleRecords,
  updateThrottleRecord,
} from "@/db/queries/sign-in-failures";
import {
  afterFailure,
  minutesLocked,
  PER_ACCOUNT,
  PER_CLIENT,
  type ThrottleRule,
} from "@/lib/domain/security/sign-in-throttle";

export interface SignInAttempt {
  email: string;
  /** The client's address when a trusted proxy gave it (TRUST_PROXY), else null. */
  client: string | null;
}

export interface ThrottleDeps {
  db: Database;
  now: Date;
  /** Keys are HMACs with this secret (AUTH_SECRET): the table never holds an address. */
  secret: string;
}

function keysOf(attempt: SignInAttempt, secret: string): Array<[string, ThrottleRule]> {
  const key = (value: string) => createHmac("sha256", secret).update(value).digest("hex");
  const keys: Array<[string, ThrottleRule]> = [
    [key(`account:${attempt.email.trim().toLowerCase()}`), PER_ACCOUNT],
  ];
  if (attempt.client) keys.push([key(`client:${attempt.client}`), PER_CLIENT]);
  return keys;
}

/** Minutes the attempt must wait (the longest of its keys' locks), or 0 when it may try. */
export async function signInWait(deps: ThrottleDeps, attempt: SignInAttempt): Promise<number> {
  const keys = keysOf(attempt, deps.secret);
  const records = await throttleRecords(
    deps.db,
    keys.map(([key]) => key),
  );
  return Math.max(0, ...keys.map(([key]) => minutesLocked(records.get(key) ?? null, deps.now)));
}

/**
 * Counts a failed attempt against the address and the client; returns the minutes they must
 * now wait, so the failure that starts a pause can already say so.
 */
export async function recordSignInFailure(
  deps: ThrottleDeps,
  attempt: SignInAttempt,
): Promise<number> {
  let wait = 0;
  for (const [key, rule] of keysOf(attempt, deps.secret)) {
    const record = await updateThrottleRecord(deps.db, key, (current) =>
      afterFailure(current, rule, deps.now),
    );
    wait = Math.max(wait, minutesLocked(record, deps.now));
  }
  return wait;
}

/** A successful sign-in clears the address's count (not the client's: others share it). */
export async function recordSignInSuccess(
  deps: ThrottleDeps,
  attempt: SignInAttempt,
): Promise<void> {
  const [[accountKey]] = keysOf(attempt, deps.secret) as [[string, ThrottleRule]];
  await forgetThrottleRecord(deps.db, accountKey);
}
