import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { apiTokenCaller } from "../lib/callers";
import { readDemoDistricts } from "../lib/district-data";
import {
  canRefuseByConstruction,
  type FuzzInput,
  readInputs,
  writeInputs,
} from "../lib/fuzz-inputs";
import type { Answer } from "../lib/http";
import { type Operation, readApi } from "../lib/openapi";
import { inPool } from "../lib/pool";
import { changedTables, settledRowCounts } from "../lib/row-counts";
import type { TrustCheck, TrustRow } from "../types";

/**
 * Fuzzing every documented operation from its schemas (issue 14, "Prove"): ≥ 10,000 inputs per
 * operation in the full run, about 100 in the short one, sent with an admin token of Maple Grove.
 * Writes first, every one invalid by construction (../lib/fuzz-inputs.ts), between two counts
 * of every table's rows; then reads. Figures: no 5xx, every 4xx a problem document, no write
 * accepted and no row written by the refused ones.
 */

const AREA = "fuzzing";
const CONCURRENCY = 6;
const SEED = 14;

interface Totals {
  requests: number;
  serverErrors: number;
  notProblem: number;
  accepted: number;
  /** Each finding in full, for `<workDir>/fuzz-findings.txt`; the table names the first. */
  findings: { kind: "5xx" | "not problem+json" | "accepted"; line: string }[];
}

/** An RFC 9457 problem document: its media type, and type, title and the status in the body. */
export function isProblem(answer: Answer): boolean {
  if (!(answer.headers.get("content-type") ?? "").startsWith("application/problem+json"))
    return false;
  try {
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    return (
      typeof body.type === "string" &&
      typeof body.title === "string" &&
      body.status === answer.status
    );
  } catch {
    return false;
  }
}

function record(
  totals: Totals,
  operation: Operation,
  input: FuzzInput,
  answer: Answer,
  write: boolean,
) {
  totals.requests += 1;
  const note = (kind: Totals["findings"][number]["kind"], why: string) => {
    if (totals.findings.length >= 2000) return;
    const body =
      input.body === undefined ? "" : ` body ${input.contentType} ${input.body.slice(0, 400)}`;
    totals.findings.push({
      kind,
      line: `${kind}: ${operation.method} ${input.path.slice(0, 300)}${body} → ${why}`,
    });
  };
  if (answer.status >= 500 || answer.status === 0) {
    totals.serverErrors += 1;
    note("5xx", `${answer.status} ${answer.body.slice(0, 200)}`);
  } else if (answer.status >= 400 && !isProblem(answer)) {
    totals.notProblem += 1;
    note("not problem+json", `${answer.status} ${answer.headers.get("content-type")}`);
  } else if (write && answer.status < 300) {
    totals.accepted += 1;
    note("accepted", `${answer.status}`);
  }
}

/** The first finding of a kind, shortened for the table. */
function first(totals: Totals[], kind: Totals["findings"][number]["kind"]): string {
  const found = totals.flatMap((t) => t.findings).find((f) => f.kind === kind);
  return found ? ` (e.g. ${found.line.slice(kind.length + 2, kind.length + 2 + 160)})` : "";
}

const check: TrustCheck = {
  name: "fuzz",
  async run(environment, options) {
    const api = await readApi(environment.baseUrl);
    const districts = await readDemoDistricts(environment.ownerDatabaseUrl);
    const caller = await apiTokenCaller(environment, "admin");
    const ownId = (table: string) => districts.mapleGrove.sampleIds.get(table);
    const perOperation = options.full ? 10_000 : 100;
    // The short run has a time budget, shared out among the operations; the full one sends all.
    const budgetMs = options.full ? Number.POSITIVE_INFINITY : 75_000;
    let deadline = 0;

    const send = async (operation: Operation, input: FuzzInput, write: boolean, totals: Totals) => {
      if (performance.now() > deadline) return;
      const answer = await caller.client
        .request(input.path, {
          method: operation.method,
          ...(input.body !== undefined
            ? {
                headers: { "content-type": input.contentType ?? "application/json" },
                body: input.body,
              }
            : {}),
          timeoutMs: 30_000,
        })
        .catch(
          (error: unknown): Answer => ({
            status: 0,
            headers: new Headers(),
            body: String(error),
            setCookies: [],
          }),
        );
      record(totals, operation, input, answer, write);
    };

    const fresh = (): Totals => ({
      requests: 0,
      serverErrors: 0,
      notProblem: 0,
      accepted: 0,
      findings: [],
    });
    const writes = api.operations.filter(
      (op) => op.method !== "GET" && canRefuseByConstruction(op),
    );
    const skipped = api.operations.filter(
      (op) => op.method !== "GET" && !canRefuseByConstruction(op),
    );
    const reads = api.operations.filter((op) => op.method === "GET");

    const writeTotals = fresh();
    const before = await settledRowCounts(environment.ownerDatabaseUrl);
    const share = budgetMs / Math.max(api.operations.length, 1);
    for (const operation of writes) {
      deadline = performance.now() + share;
      const inputs = fc.sample(writeInputs(operation, api, ownId), {
        numRuns: perOperation,
        seed: SEED,
      });
      await inPool(inputs, CONCURRENCY, (input) => send(operation, input, true, writeTotals));
    }
    // Anything a refused request set off in the background has had time to land.
    const changed = changedTables(before, await settledRowCounts(environment.ownerDatabaseUrl));

    const readTotals = fresh();
    for (const operation of reads) {
      deadline = performance.now() + share;
      const inputs = fc.sample(readInputs(operation, api, ownId), {
        numRuns: perOperation,
        seed: SEED,
      });
      await inPool(inputs, CONCURRENCY, (input) => send(operation, input, false, readTotals));
    }
    const alive = await caller.client.request("/api/v1/interventions?limit=1");

    const all = [writeTotals, readTotals];
    const requests = writeTotals.requests + readTotals.requests;
    const serverErrors = all.reduce((sum, t) => sum + t.serverErrors, 0);
    const notProblem = all.reduce((sum, t) => sum + t.notProblem, 0);
    writeFileSync(
      path.join(environment.workDir, "fuzz-findings.txt"),
      all.flatMap((t) => t.findings.map((f) => f.line)).join("\n"),
    );
    const operations = writes.length + reads.length;
    const rows: TrustRow[] = [
      {
        area: AREA,
        check: `${operations} documented operations (OpenAPI), ≤ ${perOperation} inputs each, admin token`,
        figure: `${requests} requests (${Math.round(requests / Math.max(operations, 1))} per operation), ${serverErrors} 5xx${first(all, "5xx")}`,
        ok: serverErrors === 0 && alive.status === 200 && requests > 0,
      },
      {
        area: AREA,
        check: "every 4xx is application/problem+json with type, title, status",
        figure: `${notProblem} not problem+json${first(all, "not problem+json")}`,
        ok: notProblem === 0,
      },
      {
        area: AREA,
        check: `${writes.length} write operations, inputs invalid by construction${skipped.length > 0 ? ` (${skipped.length} without input left out)` : ""}`,
        figure: `${writeTotals.requests} refused requests: ${writeTotals.accepted} accepted, ${changed.length === 0 ? "0 rows written" : `rows written: ${changed.join(", ")}`}${first([writeTotals], "accepted")}`,
        ok: writeTotals.accepted === 0 && changed.length === 0 && writeTotals.requests > 0,
      },
    ];
    return rows;
  },
};

export default check;
