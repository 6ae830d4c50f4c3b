/**
 * Brute-force protection for signing in (and, with their own rules below, for "Forgot your
 * password?" requests and bad API tokens): failures are counted per e-mail address and per client
 * address. Past a number of free tries, each further failure locks that key for a time that
 * doubles, up to an hour; a successful sign-in clears the address's count. A locked key is
 * refused before any password is checked, so guessing costs the attacker time, not the server
 * an argon2 hash per guess. The person is told plainly how long to wait.
 */

export interface ThrottleRule {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each failure after it doubles the lock, up to `maxLockMinutes`. */
  firstLockMinutes: number;
  maxLockMinutes: number;
  /** A key's count starts again after this long without failures. */
  forgetAfterMinutes: number;
}

/** One person's address: a few typing slips are free, a guessing run is not. */
export const PER_ACCOUNT: ThrottleRule = {
  freeFailures: 5,
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  forgetAfterMinutes: 60,
};

/** One client address, which a school's whole building may share behind its router. */
export const PER_CLIENT: ThrottleRule = {
  freeFailures: 50,
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  forgetAfterMinutes: 60,
};

/**
 * "Forgot your password?" for one address, counted whether or not it has an account (so a
 * pause says nothing about who has one): three requests an hour are plenty for a person, and
 * each one past them pauses the address longer, so a script cannot turn it into a mail bomb.
 */
export const RESET_PER_ADDRESS: ThrottleRule = {
  freeFailures: 3,
  firstLockMinutes: 15,
  maxLockMinutes: 60,
  forgetAfterMinutes: 60,
};

/** "Forgot your password?" from one client: a school's building asks for many addresses. */
export const RESET_PER_CLIENT: ThrottleRule = {
  freeFailures: 30,
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  forgetAfterMinutes: 60,
};

/**
 * Bad bearer tokens from one client: a misconfigured script retries a few times, a guessing
 * run sends thousands; past twenty the client is paused before any token is looked up.
 */
export const TOKEN_PER_CLIENT: ThrottleRule = {
  freeFailures: 20,
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  forgetAfterMinutes: 60,
};

export interface ThrottleRecord {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** The record after one more failure at `now`. */
export function afterFailure(
  record: ThrottleRecord | null,
  rule: ThrottleRule,
  now: Date,
): ThrottleRecord {
  const stale =
    !record || now.getTime() - record.lastFailureAt.getTime() > rule.forgetAfterMinutes * 60_000;
  const failures = stale ? 1 : record.failures + 1;
  const beyond = failures - rule.freeFailures;
  const minutes =
    beyond > 0 ? Math.min(rule.maxLockMinutes, rule.firstLockMinutes * 2 ** (beyond - 1)) : 0;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null,
  };
}

/** Whole minutes until the lock ends (at least 1), or 0 when the key may try now. */
export function minutesLocked(record: ThrottleRecord | null, now: Date): number {
  if (!record?.lockedUntil || record.lockedUntil <= now) return 0;
  return Math.max(1, Math.ceil((record.lockedUntil.getTime() - now.getTime()) / 60_000));
}
