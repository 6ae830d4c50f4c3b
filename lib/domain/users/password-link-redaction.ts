import { type LetterLanguage, letterLanguageFor } from "../letters/templates";

/**
 * A password link is a key to an account. The message kept in the district's log (and shown on
 * the admin's mailbox page) says where the link went, never the link itself: the stored body
 * carries this note in the message's language, and the mail worker puts a freshly signed link
 * in its place in the e-mail it sends (lib/use-cases/users/password-link-at-send.ts).
 */
export const PASSWORD_LINK_NOTE: Record<LetterLanguage, string> = {
  en: "[password link — sent only to the recipient]",
  es: "[enlace para elegir la contraseña — enviado solo a la persona destinataria]",
};

/**
 * Why a password link was sent, as the message's `reason` says it: the mail worker reads it back
 * to give the link it signs the lifetime the message promised (passwordLinkLifetimeSeconds).
 */
export const PASSWORD_LINK_REASONS = {
  "new-account": "Account access",
  reset: "Password reset",
} as const;

export type PasswordLinkWhy = keyof typeof PASSWORD_LINK_REASONS;

/** The kind of link a stored reason names; a reset (the shorter life) when it names neither. */
export function passwordLinkWhyOf(reason: string | null): PasswordLinkWhy {
  return reason === PASSWORD_LINK_REASONS["new-account"] ? "new-account" : "reset";
}

/** The page that sets the password, with the signed token and the reader's language. */
export function passwordLinkUrl(appUrl: string, token: string, language: string): string {
  const lang = language === "en" ? "" : `&lang=${encodeURIComponent(language)}`;
  return `${appUrl}/set-password?token=${encodeURIComponent(token)}${lang}`;
}

function noteOf(language: string): string {
  return PASSWORD_LINK_NOTE[letterLanguageFor(language)];
}

/** The text to e-mail: the stored body with its note replaced by the link. */
export function withPasswordLink(body: string, language: string, link: string): string {
  return body.split(noteOf(language)).join(link);
}

const LIVE_LINK = /\S+\/set-password\?token=\S+/g;

/**
 * A body with any live link replaced by the note: messages written before links were kept out
 * of the log still carry theirs, and the mailbox never shows one.
 */
export function redactPasswordLinks(body: string, language: string): string {
  return body.replace(LIVE_LINK, noteOf(language));
}
