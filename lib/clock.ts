/**
 * The one source of "now" for the whole app: use-cases, pages, workers, the seed and scripts
 * read the time here and nowhere else (Biome's `lint/wall-clock.grit` refuses `Date.now()` and
 * `new Date()` elsewhere). Tests and demos pin it so that "today" is a day they choose.
 *
 * `NORTHSTAR_CLOCK=2026-11-18T15:00:00Z` starts the clock at that instant when the process
 * (or the launcher that spawned it, see NORTHSTAR_CLOCK_SINCE) first reads it, and lets it run
 * on from there: sessions, sign-ins and audit rows keep their order as they would on a real day.
 * `NORTHSTAR_CLOCK_FROZEN=true` stops it at that instant instead: the integration suite uses
 * that, so a run pinned to 23:59 local cannot cross midnight half-way through.
 *
 * A pinned clock is refused in production (NODE_ENV=production) unless the operator asked for
 * a demo server with NORTHSTAR_DEMO=true: a start-up error, never a silent override.
 * docs/decisions/0009-one-clock.md says why it is built this way.
 */

type Env = Record<string, string | undefined>;

export interface PinnedClock {
  /** The instant the clock reads at `since`. */
  at: Date;
  /** The real epoch milliseconds the pinned instant corresponds to. */
  since: number;
  frozen: boolean;
}

export class ClockConfigError extends Error {
  override name = "ClockConfigError";
}

/** An ISO 8601 instant with its zone: a pinned clock must name an instant, not a local time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The pinned clock `env` asks for, or null for the real one. Throws ClockConfigError, naming
 * the variable, when the value is not an instant or when production forbids it.
 */
export function pinnedClockOf(env: Env, realNow: number): PinnedClock | null {
  const value = env.NORTHSTAR_CLOCK?.trim();
  if (!value) return null;
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ClockConfigError(
      `NORTHSTAR_CLOCK must be an instant with its zone, like 2026-11-18T15:00:00Z; got "${value}".`,
    );
  }
  if (env.NODE_ENV === "production" && env.NORTHSTAR_DEMO !== "true") {
    throw new ClockConfigError(
      "NORTHSTAR_CLOCK pins the date for tests and demos, and NODE_ENV=production forbids it. " +
        "Unset NORTHSTAR_CLOCK, or set NORTHSTAR_DEMO=true for a demo server.",
    );
  }
  const since = env.NORTHSTAR_CLOCK_SINCE ? Number(env.NORTHSTAR_CLOCK_SINCE) : realNow;
  if (!Number.isFinite(since)) {
    throw new ClockConfigError("NORTHSTAR_CLOCK_SINCE must be epoch milliseconds.");
  }
  return { at: new Date(Date.parse(value)), since, frozen: env.NORTHSTAR_CLOCK_FROZEN === "true" };
}

/** What a pinned clock reads when the real clock says `realNow`. */
export function readPinned(clock: PinnedClock, realNow: number): number {
  return clock.frozen ? clock.at.getTime() : clock.at.getTime() + (realNow - clock.since);
}

let pinned: PinnedClock | null | undefined;

/**
 * Reads the environment once. Records NORTHSTAR_CLOCK_SINCE in it, so that processes this one
 * starts (`next start`, workers) read the same instant rather than restarting the pinned day
 * when they boot. Called by start-up code to fail early; `now()` calls it otherwise.
 */
export function initClock(env: Env = process.env): PinnedClock | null {
  if (pinned !== undefined) return pinned;
  pinned = pinnedClockOf(env, Date.now());
  if (pinned && typeof process !== "undefined" && env === process.env) {
    process.env.NORTHSTAR_CLOCK_SINCE = String(pinned.since);
  }
  return pinned;
}

/** Epoch milliseconds, as the app's clock reads them. */
export function nowMs(): number {
  // In the browser `process.env` holds no NORTHSTAR_CLOCK: the page reads the browser's own
  // time, which end-to-end tests pin with Playwright's clock at the same instant.
  const clock = typeof process === "undefined" ? null : initClock();
  return clock ? readPinned(clock, Date.now()) : Date.now();
}

/** The current instant, as the app's clock reads it. */
export function now(): Date {
  return new Date(nowMs());
}

/** Whether the app runs on a pinned clock (shown at start-up, so nobody mistakes a demo date). */
export function clockIsPinned(): boolean {
  return typeof process !== "undefined" && initClock() !== null;
}
