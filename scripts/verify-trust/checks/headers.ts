import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/scripts/seed";
import { fillOpenApiPath } from "../lib/build-routes";
import { type Caller, signInCallers } from "../lib/callers";
import { type CrawledPage, crawl } from "../lib/crawl";
import { readDemoDistricts } from "../lib/district-data";
import { signIn } from "../lib/http";
import { proveLockout } from "../lib/lockout";
import { readApi } from "../lib/openapi";
import { rememberedCrawls } from "../lib/shared-crawl";
import type { TrustCheck, TrustEnvironment, TrustRow } from "../types";

/**
 * Security headers on every page the crawl reached, `Cache-Control: no-store` on the API,
 * the session cookie's flags, and the sign-in lockout (issue 14, "Prove"; decision 0013 says
 * what each header is for, decision 0012 the lockout).
 */

const AREA = "headers";

/** The headers every page must carry; a failure names the first missing or wrong one. */
export function pageHeaderProblems(headers: Headers): string[] {
  const problems: string[] = [];
  const hsts = headers.get("strict-transport-security") ?? "";
  const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);
  if (maxAge < 31_536_000) problems.push(`HSTS "${hsts}"`);
  const csp = headers.get("content-security-policy") ?? "";
  if (!/frame-ancestors 'none'/.test(csp)) problems.push("CSP without frame-ancestors 'none'");
  if (headers.get("x-content-type-options") !== "nosniff")
    problems.push("no X-Content-Type-Options: nosniff");
  const referrer = headers.get("referrer-policy");
  if (
    referrer &&
    !/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(referrer)
  ) {
    problems.push(`Referrer-Policy ${referrer}`);
  }
  return problems;
}

async function pagesToCheck(
  environment: TrustEnvironment,
  full: boolean,
): Promise<Map<string, CrawledPage[]>> {
  const remembered = rememberedCrawls(environment.baseUrl);
  if (remembered.size > 0) return remembered;
  const crawled = new Map<string, CrawledPage[]>();
  const callers: Caller[] = (await signInCallers(environment)).filter(
    (c) => !c.name.startsWith("token:"),
  );
  for (const caller of callers) {
    crawled.set(caller.name, await crawl(caller, { maxPages: full ? 200 : 20, inspect: () => {} }));
  }
  return crawled;
}

async function pageRow(environment: TrustEnvironment, full: boolean): Promise<TrustRow> {
  const crawls = await pagesToCheck(environment, full);
  let pages = 0;
  const failures: string[] = [];
  let csp = "";
  for (const [caller, crawled] of crawls) {
    for (const page of crawled) {
      if (page.status === 0) continue;
      pages += 1;
      if (page.contentType.includes("text/html"))
        csp ||= page.headers.get("content-security-policy") ?? "";
      const problems = pageHeaderProblems(page.headers);
      if (problems.length > 0) failures.push(`${caller} ${page.path}: ${problems.join(", ")}`);
    }
  }
  const nonce = /script-src[^;]*'nonce-/.test(csp) ? "script nonce" : "no script nonce";
  return {
    area: AREA,
    check: `HSTS, CSP frame-ancestors 'none', nosniff, Referrer-Policy on every crawled page (${crawls.size} callers)`,
    figure: `${pages} pages, ${failures.length} without (CSP: ${nonce})${failures.length > 0 ? `: ${failures.slice(0, 3).join("; ")}` : ""}`,
    ok: failures.length === 0 && pages > 0,
  };
}

/** Every documented read, with Maple Grove's ids, as its specialist: each answer no-store. */
async function apiRow(environment: TrustEnvironment): Promise<TrustRow> {
  const api = await readApi(environment.baseUrl);
  const districts = await readDemoDistricts(environment.ownerDatabaseUrl);
  const { client } = await signIn(environment.baseUrl, DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
  let answers = 0;
  const cached: string[] = [];
  for (const operation of api.operations.filter((op) => op.method === "GET" && !op.isPublic)) {
    const path = fillOpenApiPath(operation.path, (table) =>
      districts.mapleGrove.sampleIds.get(table),
    );
    const answer = await client.request(path);
    answers += 1;
    if (!(answer.headers.get("cache-control") ?? "").includes("no-store")) {
      cached.push(`${path} (${answer.status}, ${answer.headers.get("cache-control") ?? "none"})`);
    }
  }
  return {
    area: AREA,
    check: "Cache-Control: no-store on every documented API read (signed in)",
    figure: `${answers} answers, ${cached.length} without no-store${cached.length > 0 ? `: ${cached.slice(0, 3).join("; ")}` : ""}`,
    ok: cached.length === 0 && answers > 0,
  };
}

/** The session cookie over plain http (this run) and behind an https proxy (X-Forwarded-Proto). */
async function cookieRow(environment: TrustEnvironment): Promise<TrustRow> {
  const flags = async (https: boolean) => {
    const { answer } = await signIn(
      environment.baseUrl,
      DEMO_ACCOUNTS.specialist,
      DEMO_PASSWORD,
      https ? { "x-forwarded-proto": "https" } : {},
    );
    const line = answer.setCookies.find((cookie) => /authjs\.session-token=/.test(cookie)) ?? "";
    const name = line.split("=")[0] ?? "(none)";
    return {
      name,
      httpOnly: /;\s*httponly/i.test(line),
      sameSite: /;\s*samesite=(lax|strict)/i.exec(line)?.[1]?.toLowerCase() ?? "none",
      secure: /;\s*secure/i.test(line),
    };
  };
  const plain = await flags(false);
  const secure = await flags(true);
  const says = (f: typeof plain) =>
    `${f.name}: ${f.httpOnly ? "HttpOnly" : "NOT HttpOnly"}, SameSite=${f.sameSite}, ${f.secure ? "Secure" : "no Secure"}`;
  return {
    area: AREA,
    check: "session cookie flags: over http://127.0.0.1 | behind https (X-Forwarded-Proto)",
    figure: `${says(plain)} | ${says(secure)}`,
    ok:
      plain.httpOnly &&
      plain.sameSite !== "none" &&
      secure.httpOnly &&
      secure.sameSite !== "none" &&
      secure.secure,
  };
}

async function lockoutRow(environment: TrustEnvironment): Promise<TrustRow> {
  const result = await proveLockout(environment, 6);
  const last = result.answers.at(-1);
  return {
    area: AREA,
    check: "sign-in lockout: 6 wrong passwords for one address through the form (decision 0012)",
    figure: `answers ${result.answers.join(", ")}; paused ${result.minutes ?? "?"} min; right password then ${result.rightPasswordRefused ? "refused" : "ACCEPTED"}`,
    ok: last === "locked" && result.answers[0] === "mismatch" && result.rightPasswordRefused,
  };
}

const ROWS: [string, (environment: TrustEnvironment, full: boolean) => Promise<TrustRow>][] = [
  ["security headers on pages", pageRow],
  ["no-store on the API", (environment) => apiRow(environment)],
  ["session cookie flags", (environment) => cookieRow(environment)],
  ["sign-in lockout", (environment) => lockoutRow(environment)],
];

const check: TrustCheck = {
  name: "headers",
  async run(environment, options) {
    const rows: TrustRow[] = [];
    // One by one, and a row that throws is a failed row: the others still count.
    for (const [what, row] of ROWS) {
      rows.push(
        await row(environment, options.full).catch((error: unknown) => ({
          area: AREA,
          check: what,
          figure: `threw: ${error instanceof Error ? error.message : String(error)}`,
          ok: false,
        })),
      );
    }
    return rows;
  },
};

export default check;
