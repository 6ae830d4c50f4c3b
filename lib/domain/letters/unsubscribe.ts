import { addDays } from "../calendar/dates";
import { isUuid } from "../ids";
import { signToken, verifyToken } from "../security/signed-token";
import type { LetterLanguage } from "./templates";

/**
 * The one-click unsubscribe of optional mail (issue 13, point 5; RFC 8058). An optional letter
 * (one not `required`: a celebration, a progress summary) carries a signed link that stops
 * every further optional letter to that guardian, without signing in: the token is the only
 * credential, signed like the opt-out link (security/signed-token) under a purpose of its own,
 * so neither token passes for the other. Required notices never carry it and are never stopped.
 */
export interface UnsubscribeClaims {
  tenantId: string;
  guardianId: string;
  /** Seconds since the epoch after which the link no longer works. */
  expiresAt: number;
}

export type UnsubscribeVerification =
  | { ok: true; claims: UnsubscribeClaims }
  | { ok: false; reason: "malformed" | "tampered" | "expired" };

/**
 * How long the link works after the letter's date. Longer than the opt-out link's 60 days: a
 * family may find last term's summary in its inbox and want no more, and the most the link can
 * do is stop optional mail (required notices still go), so an old link is a small risk.
 */
export const UNSUBSCRIBE_LINK_DAYS = 365;

const PURPOSE = "northstar/unsubscribe-link/v1";

export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: string): string {
  return signToken(
    PURPOSE,
    { t: claims.tenantId, g: claims.guardianId, x: claims.expiresAt },
    secret,
  );
}

export function verifyUnsubscribeToken(
  token: string,
  secret: string,
  now: Date,
): UnsubscribeVerification {
  const verified = verifyToken(PURPOSE, token, secret, now);
  if (!verified.ok) return verified;
  const { t, g, x } = verified.data;
  if (!isUuid(t) || !isUuid(g)) return { ok: false, reason: "malformed" };
  return { ok: true, claims: { tenantId: t, guardianId: g, expiresAt: x as number } };
}

/**
 * When a link in a letter dated `letterDate` (YYYY-MM-DD) stops working: the end of the UTC day
 * UNSUBSCRIBE_LINK_DAYS later. Anchored to the letter's date rather than the moment it was
 * written, so a letter's link does not depend on which worker or request wrote it.
 */
export function unsubscribeExpiresAt(letterDate: string): number {
  return Date.parse(`${addDays(letterDate, UNSUBSCRIBE_LINK_DAYS)}T23:59:59Z`) / 1000;
}

/** Where the page that confirms with a button lives; the e-mail's footer links to it. */
export const UNSUBSCRIBE_PAGE_PATH = "/unsubscribe";
/**
 * Where a mail program POSTs `List-Unsubscribe=One-Click` (RFC 8058 §3.1): a route of its own,
 * as a Next page cannot also take a plain POST. A GET there only leads to the page (link
 * checkers open links; only a POST stops mail).
 */
export const ONE_CLICK_PATH = "/unsubscribe/one-click";

const FOOTER: Record<LetterLanguage, (url: string) => string> = {
  en: (url) =>
    `You receive this optional message (summaries, good news) from the school. To stop optional messages, open: ${url}\nNotices the school must send you, such as enrollment and tier changes, will still come.`,
  es: (url) =>
    `Usted recibe este mensaje opcional (resúmenes, buenas noticias) de la escuela. Para dejar de recibir mensajes opcionales, abra: ${url}\nLos avisos que la escuela debe enviarle, como inscripciones y cambios de nivel, le seguirán llegando.`,
};

/** The last paragraph of an optional e-mail: what it is, and the link that stops such mail. */
export function unsubscribeFooter(language: LetterLanguage, pageUrl: string): string {
  return FOOTER[language](pageUrl);
}

const PAGE_LINK = /(https?:\/\/[^\s<>"]+?)\/unsubscribe\?token=([A-Za-z0-9._~%-]+)/g;

/**
 * The one-click address of the unsubscribe link an e-mail's text carries (the footer's, the
 * last one), or null. Letters are written in a request, which holds the signing secret; the
 * mail worker may not (npm start gives it to the web server only), so the worker reads the
 * link written into the letter instead of signing a new one.
 */
export function oneClickUrlIn(text: string): string | null {
  const last = [...text.matchAll(PAGE_LINK)].at(-1);
  return last ? `${last[1]}${ONE_CLICK_PATH}?token=${last[2]}` : null;
}

/**
 * RFC 8058's two headers: the https address to POST to, and the body a mail program posts.
 * No mailto: address is given, as nothing reads replies to the sending address.
 */
export function listUnsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
