import type { Config } from "@/lib/config";

/**
 * Whether the connection to the SMTP server must be encrypted (SMTP_TLS). Letters name children
 * and password links open accounts: they must not cross a network in clear. So unless the
 * operator says otherwise, a server that is not on this machine must take STARTTLS (or be
 * reached over smtps://, TLS from the first byte), and a delivery to one that does not offer it
 * fails, is retried and finally marked failed, never sent in clear. A relay on the loopback
 * interface never crosses a network: STARTTLS is used there only when offered.
 */
export type SmtpTlsMode = NonNullable<Config["SMTP_TLS"]>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** The mode in force: the operator's, or `require` except for a server on the loopback interface. */
export function smtpTlsMode(
  host: string | undefined,
  setting: SmtpTlsMode | undefined,
): SmtpTlsMode {
  return setting ?? (host && LOOPBACK.test(host) ? "if-offered" : "require");
}

/**
 * Nodemailer's options for the mode. Both are always given, so a `requireTLS` or `ignoreTLS`
 * in the URL's query cannot weaken what SMTP_TLS asks for (`ignoreTLS` would win over
 * `requireTLS` and send in clear).
 */
export function tlsTransportOptions(mode: SmtpTlsMode): {
  requireTLS: boolean;
  ignoreTLS: boolean;
} {
  return { requireTLS: mode === "require", ignoreTLS: mode === "off" };
}

/**
 * A failure to secure the connection, said as what it is: the server's setup, not the
 * recipient's address. Nodemailer reports it with the server's 5xx answer to STARTTLS, which the
 * delivery schedule would take for a bounce; without that code the message is retried like any
 * failed attempt (and marked failed at the end), so an operator who fixes the server loses no
 * letter. Other errors are returned as they are.
 */
export function describeTlsFailure(error: unknown, host: string | undefined): unknown {
  const failure = error as { code?: string; command?: string; message?: string };
  if (failure?.code !== "ETLS" && failure?.command !== "STARTTLS") return error;
  return new Error(
    `Not sent: SMTP_TLS requires TLS and the mail server ${host ?? ""} did not secure the connection (${failure.message ?? "no STARTTLS"}). Nothing was sent in clear.`,
  );
}
