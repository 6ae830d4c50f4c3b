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
