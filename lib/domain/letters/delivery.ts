/**
 * Where a message to a family stands: the mailbox, the portal and the compliance record show it.
 * `suppressed`: kept in the log but never e-mailed, because the guardian stopped optional mail or
 * an admin recorded a contact restriction (lib/domain/letters/recipients.ts → withheldBecause).
 */
export const COMMUNICATION_STATUSES = [
  "queued",
  "sent",
  "stored",
  "failed",
  "bounced",
  "suppressed",
] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/**
 * Retrying mail delivery: a failure is tried again later, waiting longer each time, until it
 * is given up as failed; a refusal by the receiving server (a 5xx reply: no such mailbox) is a
 * bounce and is not retried. Every attempt is logged on the message.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240, 720] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

export type DeliveryOutcome =
  | { status: "sent"; sentAt: Date }
  | { status: "queued"; nextAttemptAt: Date; lastError: string }
  | { status: "failed" | "bounced"; lastError: string };

/** What becomes of a message after attempt number `attempts` (1-based) failed with `error`. */
export function afterFailure(
  attempts: number,
  error: { message: string; responseCode?: number },
  now: Date,
): DeliveryOutcome {
  const lastError = error.message.slice(0, 1000);
  if (error.responseCode !== undefined && error.responseCode >= 500 && error.responseCode < 600) {
    return { status: "bounced", lastError };
  }
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", lastError };
  const minutes = RETRY_DELAYS_MINUTES[Math.min(attempts, RETRY_DELAYS_MINUTES.length) - 1] ?? 1;
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + minutes * 60_000), lastError };
}
