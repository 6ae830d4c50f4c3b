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

export function letterLinksFromEnv(env: NodeJS.ProcessEnv = process.env): LetterLinks {
  const appUrl = (env.APP_URL || `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, "");
  const secret = env.AUTH_SECRET;
  return { appUrl, signingSecret: secret && secret.length >= 32 ? secret : null };
}

export function portalUrl(links: LetterLinks): string {
  return `${links.appUrl}/portal`;
}

export function optOutUrl(links: LetterLinks, token: string): string {
  return `${links.appUrl}/opt-out?token=${encodeURIComponent(token)}`;
}
