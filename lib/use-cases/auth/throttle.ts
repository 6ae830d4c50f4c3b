import { createHmac } from "node:crypto";
import type { Database } from "@/db/client";
import { throttleRecords, updateThrottleRecord } from "@/db/queries/sign-in-failures";
import {
  afterFailure,
  minutesLocked,
  type ThrottleRule,
} from "@/lib/domain/security/sign-in-throttle";

export interface ThrottleDeps {
  db: Database;
  now: Date;
  /** Keys are HMACs with this secret (AUTH_SECRET): the table never holds an address. */
  secret: string;
}

/** One counter: what it counts (e.g. `account:<e-mail>`) and the rule it is held to. */
export type ThrottleKey = readonly [name: string, rule: ThrottleRule];

/** The stored key of a counter: the table (sign_in_failures) holds no address. */
export function throttleKey(secret: string, name: string): string {
  return createHmac("sha256", secret).update(name).digest("hex");
}

/** Minutes to wait (the longest of the keys' pauses), or 0 when the keys may go on. */
export async function throttleWait(
  deps: ThrottleDeps,
  keys: readonly ThrottleKey[],
): Promise<number> {
  const stored = keys.map(([name]) => throttleKey(deps.secret, name));
  const records = await throttleRecords(deps.db, stored);
  return Math.max(0, ...stored.map((key) => minutesLocked(records.get(key) ?? null, deps.now)));
}

/** Counts one more against each key; returns the minutes they must now wait. */
export async function countAgainst(
  deps: ThrottleDeps,
  keys: readonly ThrottleKey[],
): Promise<number> {
  let wait = 0;
  for (const [name, rule] of keys) {
    const record = await updateThrottleRecord(deps.db, throttleKey(deps.secret, name), (current) =>
      afterFailure(current, rule, deps.now),
    );
    wait = Math.max(wait, minutesLocked(record, deps.now));
  }
  return wait;
}
