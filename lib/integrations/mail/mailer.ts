import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { type Config, config } from "@/lib/config";
import { listUnsubscribeHeaders } from "@/lib/domain/letters/unsubscribe";
import type { Mailer } from "@/lib/use-cases/communications/deliver-due-mail";
import { describeTlsFailure, type SmtpTlsMode, smtpTlsMode, tlsTransportOptions } from "./tls";

export type { Mailer };

export const DEFAULT_MAIL_FROM = "NorthStar Interventions <no-reply@northstar.example>";

/**
 * A mailer over SMTP_URL (e.g. smtp://user:pass@mail.district.org:587), or null when none is
 * configured: then messages are kept and read on the admin mailbox page instead. `tls` is
 * SMTP_TLS (./tls.ts): unset, STARTTLS is required of any server not on this machine.
 */
export function mailerFromUrl(
  smtpUrl: string | undefined,
  from: string = DEFAULT_MAIL_FROM,
  tls?: SmtpTlsMode,
): Mailer | null {
  if (!smtpUrl) return null;
  // The URL parsed here, not by createTransport: given a URL, nodemailer drops every other option.
  const connection = parseConnectionUrl(smtpUrl);
  const transport = nodemailer.createTransport({
    ...connection,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...tlsTransportOptions(smtpTlsMode(connection.host, tls)),
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // An invitation travels as the text/calendar alternative calendar programs act on.
          ...(mail.calendar
            ? {
                icalEvent: {
                  method: mail.calendar.method,
                  filename: mail.calendar.method === "CANCEL" ? "cancel.ics" : "invite.ics",
                  content: mail.calendar.content,
                },
              }
            : {}),
          ...(mail.attachments?.length
            ? {
                attachments: mail.attachments.map((file) => ({
                  filename: file.filename,
                  contentType: file.contentType,
                  content: file.content,
                })),
              }
            : {}),
          headers: {
            "Content-Language": mail.language,
            // An automatic notice: no out-of-office replies, please.
            "Auto-Submitted": "auto-generated",
            "X-NorthStar-Communication": mail.id,
            // An optional letter's one-click unsubscribe (RFC 8058). Given as prepared values so
            // a long address is never folded: a folded URL inside <> no longer works.
            ...(mail.unsubscribeUrl
              ? Object.fromEntries(
                  Object.entries(listUnsubscribeHeaders(mail.unsubscribeUrl)).map(
                    ([name, value]) => [name, { prepared: true, value }],
                  ),
                )
              : {}),
          },
        });
      } catch (error) {
        throw describeTlsFailure(error, connection.host);
      }
    },
    close: () => transport.close(),
  };
}

export function mailerFromConfig(settings: Config = config()): Mailer | null {
  return mailerFromUrl(settings.SMTP_URL, settings.MAIL_FROM, settings.SMTP_TLS);
}
