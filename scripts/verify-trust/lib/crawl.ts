import type { Caller } from "./callers";
import type { Answer } from "./http";

/**
 * A breadth-first walk of the pages a caller can reach from the home page by following
 * same-origin links, as a person clicking through would. The authorization check looks for
 * other districts' ids in each page; the headers check reads each answer's headers.
 */

export interface CrawledPage {
  path: string;
  status: number;
  headers: Headers;
  setCookies: string[];
  contentType: string;
}

/** Not pages: files a link downloads, Next's assets, Auth.js's own endpoints. */
const NOT_A_PAGE =
  /^\/(_next|api\/auth)\/|\.(pdf|ics|csv|png|svg|ico|jpg|webmanifest|json|txt|xml)(\?|$)|\/(pdf|export)(\?|$)/;

/** The same-origin paths a page links to (href attributes and the redirect it answered with). */
export function linksOf(html: string, base: string): string[] {
  const origin = new URL(base).origin;
  const found: string[] = [];
  for (const match of html.matchAll(/\shref=(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = (match[1] ?? match[2] ?? "").replaceAll("&amp;", "&");
    if (!raw || raw.startsWith("#") || /^(mailto|tel|javascript|data):/i.test(raw)) continue;
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    const path = url.pathname + url.search;
    if (!NOT_A_PAGE.test(path)) found.push(path);
  }
  return found;
}

export interface CrawlOptions {
  maxPages: number;
  /** Called with each HTML answer, e.g. to look for leaks. */
  inspect: (path: string, answer: Answer) => void;
  concurrency?: number;
}

export async function crawl(caller: Caller, options: CrawlOptions): Promise<CrawledPage[]> {
  const seen = new Set<string>(["/"]);
  const queue: string[] = ["/"];
  const pages: CrawledPage[] = [];
  const visit = async (path: string) => {
    const answer = await caller.client.request(path);
    const contentType = answer.headers.get("content-type") ?? "";
    pages.push({
      path,
      status: answer.status,
      headers: answer.headers,
      setCookies: answer.setCookies,
      contentType,
    });
    const next: string[] = [];
    const location = answer.headers.get("location");
    if (location) next.push(...linksOf(`<a href="${location}">`, caller.client.baseUrl));
    if (contentType.includes("text/html")) {
      options.inspect(path, answer);
      next.push(...linksOf(answer.body, new URL(path, caller.client.baseUrl).href));
    }
    for (const link of next) {
      if (seen.has(link) || seen.size >= options.maxPages) continue;
      seen.add(link);
      queue.push(link);
    }
  };
  const workers = Array.from({ length: options.concurrency ?? 3 }, async () => {
    // A worker that finds the queue empty waits for the others' pages to add links.
    let idle = 0;
    while (idle < 50) {
      const path = queue.shift();
      if (path === undefined) {
        idle += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      idle = 0;
      await visit(path).catch((error: unknown) => {
        pages.push({ path, status: 0, headers: new Headers(), setCookies: [], contentType: "" });
        console.error(`crawl ${caller.name} ${path}:`, error);
      });
    }
  });
  await Promise.all(workers);
  return pages;
}
