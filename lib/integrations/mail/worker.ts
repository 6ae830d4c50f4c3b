import { connect } from "@/db/client";
import { allDistrictIds } from "@/db/queries/communications";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { deliverDueMail } from "@/lib/use-cases/communications/deliver-due-mail";
import type { WorkerStarter } from "../workers";
import { mailerFromConfig } from "./mailer";

/** How often queued mail is looked for. */

/**
 * The mail worker: every few seconds, each district's due messages are delivered to SMTP_URL
 * (or kept for the admin mailbox page when it is unset). It runs as the owner role, which may
 * list districts, and reaches each district's rows only through withTenant.
 */
export const startMailWorker: WorkerStarter = async (env) => {
  const { db, close } = connect(env.ownerUrl, { max: 2 });
  const mailer = mailerFromConfig();
  env.log(
    mailer
      ? "Mail: sending to SMTP_URL."
      : "Mail: SMTP_URL is not set; messages are kept and shown on the admin mailbox page.",
  );
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        for (const tenantId of await allDistrictIds(db)) {
          if (stopped) break;
          const report = await deliverDueMail({ db, mailer, now }, tenantId);
          if (report.failed > 0)
            env.log(
              `Mail: ${report.failed} message(s) could not be delivered (see the mailbox page).`,
            );
        }
      } catch (error) {
        env.log(
          `Mail: delivery round failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, config().MAIL_POLL_MS);
  tick();

  return {
    name: "mail",
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      mailer?.close();
      await close();
    },
  };
};
