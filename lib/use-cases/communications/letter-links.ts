import { type Config, config } from "@/lib/config";
import { UNSUBSCRIBE_PAGE_PATH } from "@/lib/domain/letters/unsubscribe";

/**
 * What a letter's links need: the address families reach the app at, and the secret that signs
 * opt-out and unsubscribe tokens. Letters are written inside the enrolling request's
 * transaction, so this is read where the request runs (the same AUTH_SECRET the app signs
 * sessions with, see README). Without a secret (e.g. the demo seed, run before the app has one)
 * no one-click link can be made: the letter says how to opt out by asking instead, and an
 * optional letter goes without its unsubscribe link.
 */
export interface LetterLinks {
  appUrl: string;
  signingSecret: string | null;
}

export function letterLinksFromConfig(settings: Config = config()): LetterLinks {
  const appUrl = (settings.APP_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
  return { appUrl, signingSecret: settings.AUTH_SECRET ?? null };
}

export function portalUrl(links: LetterLinks): string {
  return `${links.appUrl}/portal`;
}

export function optOutUrl(links: LetterLinks, token: string): string {
  return `${links.appUrl}/opt-out?token=${encodeURIComponent(token)}`;
}

/** The page that stops optional mail; its one-click twin is read from it at delivery. */
export function unsubscribeUrl(links: LetterLinks, token: string): string {
  return `${links.appUrl}${UNSUBSCRIBE_PAGE_PATH}?token=${encodeURIComponent(token)}`;
}
