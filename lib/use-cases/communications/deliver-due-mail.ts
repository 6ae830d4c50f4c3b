import type { Database, Tx } from "@/db/client";
import { claimDueCommunications, updateDelivery } from "@/db/queries/communications/delivery";
import { withTenant } from "@/db/with-tenant";
import { type CalendarMethod, calendarMethodOfMail } from "@/lib/domain/calendar/ics";
import { afterFailure } from "@/lib/domain/letters/delivery";
import { WITHHELD_NOTES, withheldBecause } from "@/lib/domain/letters/recipients";
import { oneClickUrlIn } from "@/lib/domain/letters/unsubscribe";
import { passwordLinkMailText } from "../users/password-link-at-send";
import { PASSWORD_LINK_KIND } from "../users/queue-password-link";
import { type LetterLinks, letterLinksFromConfig } from "./letter-links";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  /**
   * A calendar invitation or cancellation (iCalendar text), sent as the text/calendar part
   * beside `text`: the stored body of the calendar mail kinds (lib/domain/calendar/ics.ts).
   */
  calendar?: { method: CalendarMethod; content: string };
  /**
   * An optional letter's one-click unsubscribe address (RFC 8058), which the mailer gives as the
   * `List-Unsubscribe` and `List-Unsubscribe-Post` headers; never on a required notice.
   */
  unsubscribeUrl?: string;
  /** Files sent with it, e.g. a progress summary's PDF (never with a portal notice). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * What is sent for a stored message: the e-mailed text, its calendar when it carries one, and,
 * when it is not required, the one-click address of the unsubscribe link written into it.
 */
export function outgoingMail(message: {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  emailBody: string | null;
  language: string;
  required: boolean;
}): OutgoingMail {
  const method = calendarMethodOfMail(message.kind);
  const text = message.emailBody ?? message.body;
  const unsubscribeUrl = message.required ? null : oneClickUrlIn(text);
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject,
    text,
    language: message.language,
    ...(method ? { calendar: { method, content: message.body } } : {}),
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  };
}

/**
 * What delivery needs of a mail server: send one message, throwing on failure (with the SMTP
 * `responseCode` when the server answered). lib/integrations/mail/mailer.ts provides it.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface DeliveryDeps {
  db: Database;
  /** null: no SMTP server configured, messages are kept for the admin mailbox page. */
  mailer: Mailer | null;
  now: () => Date;
  batchSize?: number;
  /**
   * Batches at most in one call; the rest waits for the next round. A round visits every
   * district, so one district's backlog (a term's letters and invitations) never holds up
   * another's password link. Unset: until the district has nothing due.
   */
  maxBatches?: number;
  /**
   * The files a message carries, read in the delivery's transaction: the integration layer's
   * (a progress summary's PDF, lib/integrations/mail/attachments.ts). None when absent.
   */
  /** Where the password links signed at sending point, and their key; the app's settings when absent. */
  links?: LetterLinks;
  attachmentsOf?: (
    tx: Tx,
    tenantId: string,
    message: { id: string; kind: string },
  ) => Promise<MailAttachment[]>;
}

export interface DeliveryReport {
  sent: number;
  stored: number;
  retrying: number;
  failed: number;
  /** Not sent: a contact restriction, or an optional letter to a guardian who stopped them. */
  withheld: number;
}

const NO_ACCOUNT_AT_ADDRESS =
  "No active account has this address any more: the password link was not sent.";

/**
 * The mail worker's work for one district: every queued message that is due is sent (or,
 * without SMTP, marked "stored"), and each attempt is logged on the message — attempts, the
 * last error, when to try again. A message its guardian may no longer receive (withheldBecause,
 * read as it is sent) is marked "suppressed" instead, with the reason. A password link is signed
 * here and put in the e-mail only (passwordLinkMailText): the stored message never holds it. Runs as a worker, never
 * in a request: nothing talks to the outside world from a request (architecture rule 5).
 */
export async function deliverDueMail(
  deps: DeliveryDeps,
  tenantId: string,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, stored: 0, retrying: 0, failed: 0, withheld: 0 };
  const batchSize = deps.batchSize ?? 20;
  for (let batch = 1; ; batch++) {
    const claimed = await withTenant(deps.db, { tenantId }, async (tx) => {
      const due = await claimDueCommunications(tx, tenantId, deps.now(), batchSize);
      for (const message of due) {
        const withheld = withheldBecause(message, message);
        if (withheld) {
          await updateDelivery(tx, tenantId, message.id, {
            status: "suppressed",
            lastError: WITHHELD_NOTES[withheld],
            nextAttemptAt: null,
          });
          report.withheld += 1;
          continue;
        }
        const attempts = message.attempts + 1;
        if (!deps.mailer || !message.toAddress) {
          await updateDelivery(tx, tenantId, message.id, { status: "stored", attempts });
          report.stored += 1;
          continue;
        }
        const text =
          message.kind === PASSWORD_LINK_KIND
            ? await passwordLinkMailText(
                tx,
                tenantId,
                { ...message, toAddress: message.toAddress },
                deps.links ?? letterLinksFromConfig(),
              )
            : undefined;
        if (text === null) {
          await updateDelivery(tx, tenantId, message.id, {
            status: "suppressed",
            lastError: NO_ACCOUNT_AT_ADDRESS,
            nextAttemptAt: null,
          });
          report.withheld += 1;
          continue;
        }
        try {
          const stored = outgoingMail({ ...message, toAddress: message.toAddress });
          const mail = text === undefined ? stored : { ...stored, text };
          // A notice pointing to the portal carries nothing of the letter, so no file either.
          const attachments =
            message.emailBody === null ? await deps.attachmentsOf?.(tx, tenantId, message) : [];
          await deps.mailer.send(attachments?.length ? { ...mail, attachments } : mail);
          await updateDelivery(tx, tenantId, message.id, {
            status: "sent",
            attempts,
            sentAt: deps.now(),
            lastError: null,
            nextAttemptAt: null,
          });
          report.sent += 1;
        } catch (error) {
          const failure = error as { message?: string; responseCode?: number };
          const outcome = afterFailure(
            attempts,
            { message: String(failure.message ?? error), responseCode: failure.responseCode },
            deps.now(),
          );
          await updateDelivery(tx, tenantId, message.id, {
            attempts,
            status: outcome.status,
            lastError: "lastError" in outcome ? outcome.lastError : null,
            nextAttemptAt: outcome.status === "queued" ? outcome.nextAttemptAt : null,
          });
          if (outcome.status === "queued") report.retrying += 1;
          else report.failed += 1;
        }
      }
      return due.length;
    });
    if (claimed < batchSize || batch === deps.maxBatches) return report;
  }
}
