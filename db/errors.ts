/**
 * What PostgreSQL said, read through the driver's error (postgres.js puts the SQLSTATE in
 * `code`; Drizzle wraps it as the `cause` of its own error).
 */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * An exclusion constraint refused the write: a room, a person or a unit of a resource was
 * booked by a transaction that committed first (drizzle/0010_scheduling.sql).
 */
export function isDoubleBookingRefused(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

/** A unique index or an exclusion constraint refused the row: another write took it first. */
export function isTakenAlready(error: unknown): boolean {
  const state = sqlState(error);
  return state === "23505" || state === "23P01";
}

/**
 * PostgreSQL broke a cycle of waits by failing this transaction. Two saves booking the same room
 * at the same instant can each find the other's uncommitted booking while checking the exclusion
 * constraint and wait for each other: one of them gets this instead of 23P01.
 */
export function isDeadlockVictim(error: unknown): boolean {
  return sqlState(error) === "40P01";
}
