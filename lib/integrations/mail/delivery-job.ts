import { allDistrictIds } from "@/db/queries/districts";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { JOB_KINDS } from "@/lib/domain/jobs/catalog";
import { deliverDueMail } from "@/lib/use-cases/communications/deliver-due-mail";
import type { JobDefinition } from "../jobs/definition";
import { attachmentsOf } from "./attachments";
import { type Mailer, mailerFromConfig } from "./mailer";

/**
 * A delivery round: each district's due messages go to SMTP_URL (or are kept for the admin
 * mailbox when it is unset). Each message keeps its own retry schedule on its row (1 minute …
 * 12 hours, then "failed": docs/domain.md, letters); the job runner decides when rounds run — one
 * at a time across every runner (policy "stately"), a round that crashes is retried — and shows
 * them on the admin's job page.
 */
export function mailDeliveryJob(mailer: Mailer | null = mailerFromConfig()): JobDefinition {
  return {
    kind: JOB_KINDS.mailDelivery,
    // Rounds come every few seconds: a day of finished ones is history enough.
    queue: {
      policy: "stately",
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      deleteAfterSeconds: 86_400,
    },
    everyMs: () => config().MAIL_POLL_MS,
    async handle({ db, log }) {
      let failed = 0;
      // A few batches per district per round, so every district is served within seconds.
      for (const tenantId of await allDistrictIds(db)) {
        failed += (
          await deliverDueMail({ db, mailer, now, maxBatches: 5, attachmentsOf }, tenantId)
        ).failed;
      }
      if (failed > 0)
        log(`Mail: ${failed} message(s) could not be delivered (see the mailbox page).`);
    },
    close: () => mailer?.close(),
  };
}
