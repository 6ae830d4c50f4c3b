/**
 * The kinds of background job the job runner knows (lib/integrations/jobs/runner.ts), by queue
 * name, with what the admin's job page says of each. A job's definition takes its name and
 * words from here, so the page and the runner never disagree.
 */
export interface JobKind {
  /** The queue's name: letters, digits and `-` (pg-boss's rule). */
  name: string;
  description: string;
  when: string;
}

export const JOB_KINDS = {
  mailDelivery: {
    name: "mail-delivery",
    description: "Sends queued letters and messages, or keeps them when no mail server is set.",
    when: "every few seconds",
  },
  forgetIdempotencyKeys: {
    name: "forget-idempotency-keys",
    description: "Deletes stored API responses (Idempotency-Key) older than a week.",
    when: "nightly at 03:40 (Chicago)",
  },
  completeEndedGroups: {
    name: "complete-ended-groups",
    description:
      "Completes groups past their last day: remaining enrollments end and families get the closing summary.",
    when: "daily at 05:00 (Chicago)",
  },
  evaluateExits: {
    name: "evaluate-exits",
    description: "Measures every active enrollment against its group's exit criteria.",
    when: "daily at 05:15 (Chicago)",
  },
  sendProgressSummaries: {
    name: "send-progress-summaries",
    description:
      "After a reporting period ends, writes each family's progress summary of the period, once, in their language.",
    when: "every minute (periods already done are skipped)",
  },
  sealAuditTrail: {
    name: "seal-audit-trail",
    description:
      "Chains the audit rows committed since its last run into each district's audit seals (the hash chain audit:verify checks).",
    when: "every second",
  },
  refreshEffectivenessSummaries: {
    name: "refresh-effectiveness-summaries",
    description:
      "Computes the effectiveness figures of groups whose stored summary is stale (a new score, a new day, a session begun), before anyone opens them.",
    when: "every minute",
  },
  mailAuditAnchors: {
    name: "mail-audit-anchors",
    description:
      "E-mails each district's admins the signed anchor of its audit trail (latest position and hash), to keep.",
    when: "daily at 05:50 (Chicago), or on demand (npm run audit:verify -- --mail-anchors)",
  },
} as const satisfies Record<string, JobKind>;

/** The kind a queue name belongs to, or undefined for a queue this code no longer runs. */
export function jobKindOf(queue: string): JobKind | undefined {
  return Object.values(JOB_KINDS).find((kind: JobKind) => kind.name === queue);
}
