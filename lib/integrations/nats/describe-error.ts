/** One line for logs and parked messages; drizzle wraps the driver's error in `cause`. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  const message = error.message.split("\n")[0] || error.name;
  return cause && !message.includes(cause) ? `${message} (${cause})` : message;
}
