import type { CrawledPage } from "./crawl";

/**
 * The authorization check's crawl, kept for the headers check that runs after it in the same
 * process, so the pages are fetched once per run. Keyed by server and caller.
 */
const crawls = new Map<string, CrawledPage[]>();

export function rememberCrawl(baseUrl: string, caller: string, pages: CrawledPage[]): void {
  crawls.set(`${baseUrl} ${caller}`, pages);
}

export function rememberedCrawls(baseUrl: string): Map<string, CrawledPage[]> {
  const found = new Map<string, CrawledPage[]>();
  for (const [key, pages] of crawls) {
    if (key.startsWith(`${baseUrl} `)) found.set(key.slice(baseUrl.length + 1), pages);
  }
  return found;
}
