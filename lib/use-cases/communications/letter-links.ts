import { type Config, config } from "@/lib/config";

/**
 * What a letter's links need: the address families reach the app at, and the secret that signs
 * opt-out tokens. Letters are written inside the enrolling request's transaction, so this is
 * read where the request runs (the same AUTH_SECRET the app signs sessions with, see README).
 * Without a secret (e.g. the demo seed, run before the app has one) no one-click link can be
 * made, and the letter says how to opt out by asking instead.
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
