import { persistentSecret } from "@/db/persistent-secret";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { mailAuditAnchors } from "@/lib/use-cases/audit/mail-audit-anchors";
import type { JobDefinition } from "./definition";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The server's secret the audit anchors are signed with: AUTH_SECRET, or the one `npm start`
 * keeps under DATA_DIR and gives the web server (scripts/lib/next-server.ts), so the job, the
 * web server and `npm run audit:verify` on the same machine sign with the same key. A worker on
 * another machine needs AUTH_SECRET set (README, "Configuration").
 */
export function anchorSecret(): string {
  const settings = config();
  return settings.AUTH_SECRET ?? persistentSecret(settings.DATA_DIR, "auth-secret");
}

/**
 * Daily, each district's admins get the district's audit anchor by e-mail, to keep outside the
 * database (docs/decisions/0019-audit-chain-anchors.md). The cron fires once per day across
 * runners; a retried run skips the admins who already got that day's anchor.
 */
export function auditAnchorJob(secret: () => string = anchorSecret): JobDefinition {
  return {
    kind: JOB_KINDS.mailAuditAnchors,
    queue: { policy: "stately", retryLimit: 3, retryDelay: 300, retryBackoff: true },
    cron: { expression: "50 5 * * *", tz: "America/Chicago" },
    async handle({ db, log }) {
      const at = now();
      const done = await mailAuditAnchors(db, {
        secret: secret(),
        now: at,
        unlessSentSince: new Date(at.getTime() - 20 * HOUR_MS),
      });
      log(
        `Audit anchors: ${done.messages} message(s) to the admins of ${done.districts} district(s).`,
      );
    },
  };
}
