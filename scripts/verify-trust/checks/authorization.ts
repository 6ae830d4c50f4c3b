import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  type BuiltAction,
  type BuiltRoute,
  fillRoute,
  readBuiltActions,
  readBuiltRoutes,
} from "../lib/build-routes";
import { type Caller, signInCallers } from "../lib/callers";
import { crawl } from "../lib/crawl";
import { type DemoDistricts, readDemoDistricts } from "../lib/district-data";
import {
  argumentCount,
  callAction,
  idFields,
  leaksIn,
  methodsOf,
  pathIn,
  randomPath,
  secretsFor,
  send,
} from "../lib/endpoints";
import { judge, Tally } from "../lib/judge";
import { publicOperations } from "../lib/openapi";
import { inPool } from "../lib/pool";
import { rememberCrawl } from "../lib/shared-crawl";
import type { TrustCheck, TrustEnvironment, TrustRow } from "../types";

/**
 * Every route handler, page with an id and server action of the build × every caller × own and
 * other district (issue 14, "Prove"; what each answer must be: ../lib/judge.ts), then a crawl of
 * the pages each caller can reach, looking for the other district's ids and students' names.
 */

const AREA = "authorization";
const CONCURRENCY = 4;

interface Context {
  environment: TrustEnvironment;
  districts: DemoDistricts;
  callers: Caller[];
  publicOps: Set<string>;
  /** How many of the other district's ids each route is tried with (1 short, up to 5 full). */
  foreignIds: number;
}

const home = (ctx: Context, caller: Caller) =>
  caller.home ? ctx.districts[caller.home] : ctx.districts.mapleGrove;
const other = (ctx: Context, caller: Caller) =>
  caller.home === "cedarRidge" ? ctx.districts.mapleGrove : ctx.districts.cedarRidge;

/** One route × one caller: its own district's path, the other's, and a random id's. */
async function probeRoute(ctx: Context, route: BuiltRoute, caller: Caller, tally: Tally) {
  const secrets = secretsFor(caller, ctx.districts);
  const ownPath = pathIn(route, home(ctx, caller));
  const methods = await methodsOf(caller, route, ownPath);
  for (const method of methods) {
    const label = `${caller.name} ${method} ${route.template}`;
    if (caller.home === null) {
      const answer = await send(caller, method, ownPath);
      const key = `${method} ${route.template.replace(/\[[^\]]+\]/g, "[]")}`;
      const needsCredentials = route.template.startsWith("/api/v1/") && !ctx.publicOps.has(key);
      const leaks = leaksIn(answer.body, secrets, ownPath);
      const needsSignIn = route.group === "app";
      const location = answer.headers.get("location");
      tally.add(
        label,
        judge({
          mode: "anonymous",
          status: answer.status,
          leaks,
          needsCredentials,
          needsSignIn,
          location,
        }),
      );
      continue;
    }
    // Reads in one's own district; writes there would change the data the other checks use.
    if (method === "GET") {
      const answer = await send(caller, method, ownPath);
      tally.add(
        `${label} (own)`,
        judge({
          mode: "own",
          status: answer.status,
          leaks: leaksIn(answer.body, secrets, ownPath),
        }),
      );
    }
    // Another district's ids go only where the path takes ids (not Auth.js's catch-all).
    if (!route.params.some((param) => !param.catchAll)) continue;
    const foreign = other(ctx, caller);
    for (let nth = 0; nth < ctx.foreignIds; nth++) {
      const foreignPath = fillRoute(
        route,
        (table) =>
          foreign.someIds.get(table)?.[nth] ?? foreign.sampleIds.get(table) ?? randomUUID(),
      );
      if (nth > 0 && foreignPath === pathIn(route, foreign)) break; // no more ids of that kind
      const answer = await send(caller, method, foreignPath);
      const probe = await send(caller, method, randomPath(route));
      const leaks = leaksIn(answer.body, secrets, foreignPath);
      tally.add(
        `${label} (other district)`,
        judge({ mode: "foreign", status: answer.status, probeStatus: probe.status, leaks }),
      );
    }
  }
}

/**
 * One action × one caller, with the other district's ids as its arguments (an action of one
 * argument twice: as an object and as a form, since the build does not say which it reads).
 * An action answers 200 with its own refusal, so only leaks fail here; a 5xx (an argument of
 * a shape the action does not expect) is counted and reported.
 */
async function probeAction(ctx: Context, action: BuiltAction, caller: Caller, tally: ActionTally) {
  const pagePath = pathIn(action.page, home(ctx, caller));
  const fields = idFields(other(ctx, caller));
  const shapes = argumentCount(action.id) === 1 ? [false, true] : [false];
  for (const asForm of shapes) {
    const answer = await callAction(caller, action, pagePath, fields, asForm);
    const leaks = leaksIn(
      answer.body,
      secretsFor(caller, ctx.districts),
      pagePath,
      JSON.stringify(fields),
    );
    const what = `${caller.name} action ${action.name} (${action.file})${asForm ? " as a form" : ""}`;
    tally.leaks.add(what, judge({ mode: "own", status: 200, leaks }));
    if (answer.status >= 500) tally.serverErrors.push(`${what}: ${answer.status}`);
  }
}

interface ActionTally {
  leaks: Tally;
  serverErrors: string[];
}

/** Actions of the signed-in layout (sign-out) end the caller's session: they go last. */
const endsSession = (action: BuiltAction) => action.file.endsWith("layout.tsx");

async function crawlAll(ctx: Context, maxPages: number): Promise<TrustRow> {
  const tally = new Tally();
  let pages = 0;
  for (const caller of ctx.callers) {
    if (caller.name.startsWith("token:")) continue; // a token is for the API, not pages
    const secrets = secretsFor(caller, ctx.districts);
    const crawled = await crawl(caller, {
      maxPages,
      inspect: (path, answer) =>
        tally.add(
          `${caller.name} page ${path}`,
          judge({ mode: "own", status: answer.status, leaks: leaksIn(answer.body, secrets, path) }),
        ),
    });
    pages += crawled.length;
    for (const page of crawled) {
      if (page.status === 0 || page.status >= 500) {
        tally.add(
          `${caller.name} page ${page.path}`,
          judge({ mode: "own", status: page.status, leaks: [] }),
        );
      }
    }
    rememberCrawl(ctx.environment.baseUrl, caller.name, crawled);
  }
  return {
    area: AREA,
    check: `page crawl from / as ${ctx.callers.filter((c) => !c.name.startsWith("token:")).length} callers (≤ ${maxPages} pages each)`,
    figure: `${pages} pages, ${tally.figure("HTML pages checked")}`,
    ok: tally.ok && pages > 0,
  };
}

const check: TrustCheck = {
  name: "authorization",
  async run(environment, options) {
    const distDir = environment.distDir ?? ".next";
    const routes = readBuiltRoutes(distDir);
    const actions = readBuiltActions(distDir);
    const ctx: Context = {
      environment,
      districts: await readDemoDistricts(environment.ownerDatabaseUrl),
      callers: await signInCallers(environment),
      publicOps: await publicOperations(environment.baseUrl),
      foreignIds: options.full ? 5 : 1,
    };
    const handlers = routes.filter((route) => route.kind === "route");
    const pagesWithIds = routes.filter((route) => route.kind === "page" && route.params.length > 0);

    const routeTally = new Tally();
    const pageTally = new Tally();
    const pairs = ctx.callers.flatMap((caller) => routes.map((route) => ({ caller, route })));
    await inPool(pairs, CONCURRENCY, async ({ caller, route }) => {
      if (route.kind === "route") await probeRoute(ctx, route, caller, routeTally);
      else if (route.params.length > 0) await probeRoute(ctx, route, caller, pageTally);
    });

    const actionTally: ActionTally = { leaks: new Tally(), serverErrors: [] };
    const ordered = [...actions.filter((a) => !endsSession(a)), ...actions.filter(endsSession)];
    await inPool(ctx.callers, CONCURRENCY, async (caller) => {
      for (const action of ordered) await probeAction(ctx, action, caller, actionTally);
    });
    // The actions may have signed callers out: the crawl signs everyone in again.
    ctx.callers = await signInCallers(environment);
    const crawlRow = await crawlAll(ctx, options.full ? 200 : 40);

    const callers = ctx.callers.length;
    const failures = [routeTally, pageTally, actionTally.leaks].flatMap((tally) => tally.failures);
    failures.push(...actionTally.serverErrors.map((line) => `(reported, not failed) ${line}`));
    writeFileSync(
      path.join(environment.workDir, "authorization-failures.txt"),
      failures.join("\n"),
    );
    return [
      {
        area: AREA,
        check: `${handlers.length} route handlers (from the build) × ${callers} callers × own/other district`,
        figure: routeTally.figure(),
        ok: routeTally.ok,
      },
      {
        area: AREA,
        check: `${pagesWithIds.length} pages with ids × ${callers} callers × own/other district`,
        figure: pageTally.figure(),
        ok: pageTally.ok,
      },
      {
        area: AREA,
        check: `${actions.length} server actions (from the build) × ${callers} callers, other district's ids`,
        figure: `${actionTally.leaks.figure()}; ${actionTally.serverErrors.length} answered 5xx to arguments of another shape${actionTally.serverErrors.length > 0 ? ` (e.g. ${actionTally.serverErrors[0]})` : ""}`,
        ok: actionTally.leaks.ok,
      },
      crawlRow,
    ];
  },
};

export default check;
