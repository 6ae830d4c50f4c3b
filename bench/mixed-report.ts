/**
 * The mixed load's table and its section of docs/benchmarks.md (bench/mixed-load.ts). The
 * section sits in the hand-written part of the file, which `npm run bench` keeps as it is; each
 * mixed run replaces only its own section.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { EventTally, IdempotencyTally, JobTally } from "./deployment-checks";
import type { KindSummary } from "./open-loop";
import { markdownTable } from "./report";

const ms = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/** Within its SLO (or without one) and without errors. */
export const kindPasses = (k: KindSummary, sloMs: number | null) =>
  k.errors === 0 && (sloMs === null || (k.p95 !== null && k.p95 < sloMs));

export function mixedTable(
  kinds: readonly KindSummary[],
  slos: Readonly<Record<string, number | null>>,
): string {
  const header = ["Kind", "Count", "P50 ms", "P95 ms", "P99 ms", "Errors", "Req/s", "SLO P95"];
  const rows = kinds.map((k) => {
    const slo = slos[k.kind] ?? null;
    return [
      k.kind,
      String(k.count + k.errors),
      ms(k.p50),
      ms(k.p95),
      ms(k.p99),
      k.errors === 0 ? "0" : `${k.errors} ${JSON.stringify(k.statuses)}`,
      k.achievedRate.toFixed(1),
      slo === null ? "—" : `< ${slo}${kindPasses(k, slo) ? "" : " ✗"}`,
    ];
  });
  return markdownTable(header, rows, (column) => column > 0);
}

export interface MixedResult {
  instances: number;
  errors: number;
  /** Kinds over their SLO. */
  overSlo: string[];
  events: EventTally;
  idempotency: IdempotencyTally;
  jobs: readonly JobTally[];
  forwarded: number[] | null;
}

/** The one line a reader (or a script) checks: errors, SLOs, events, idempotency, jobs. */
export function summaryLine(result: MixedResult): string {
  const { events, idempotency } = result;
  const overlaps = result.jobs.reduce((sum, job) => sum + job.overlaps, 0);
  const doubleSchedules = result.jobs.filter((job) => job.schedules > 1).length;
  const twice =
    idempotency.rows - idempotency.attempts + (idempotency.events - idempotency.attempts);
  return [
    `${result.instances} instance${result.instances > 1 ? "s" : ""}`,
    `errors ${result.errors}`,
    `over SLO ${result.overSlo.length === 0 ? "none" : result.overSlo.join(", ")}`,
    `events ${events.published} published, ${events.messages} in the stream: duplicates ${events.duplicates}, missing ${events.missing}, waiting ${events.waiting}`,
    `idempotency ${idempotency.sameAnswer}/${idempotency.attempts} keys answered alike, extra effects ${twice}`,
    `jobs running twice at once ${overlaps}, schedules stored twice ${doubleSchedules}`,
    ...(result.forwarded ? [`proxy split ${result.forwarded.join(" / ")}`] : []),
  ].join("; ");
}

/** Everything the summary line counts is zero, and every SLO holds. */
export function mixedPasses(result: MixedResult): boolean {
  const { events, idempotency } = result;
  return (
    result.errors === 0 &&
    result.overSlo.length === 0 &&
    events.duplicates === 0 &&
    events.missing === 0 &&
    events.waiting === 0 &&
    idempotency.sameAnswer === idempotency.attempts &&
    idempotency.rows === idempotency.attempts &&
    idempotency.events === idempotency.attempts &&
    result.jobs.every((job) => job.overlaps === 0 && job.schedules <= 1)
  );
}

/**
 * Replaces the section under `heading` (up to the next heading of its level) with `body`, or
 * appends it at the end of the file.
 */
export function replaceSection(text: string, heading: string, body: string): string {
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return `${text.trimEnd()}\n\n${section}`;
  const next = text.indexOf("\n## ", start + heading.length);
  return next < 0
    ? `${text.slice(0, start)}${section}`
    : `${text.slice(0, start)}${section}${text.slice(next)}`;
}

export function writeSection(file: string, heading: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, replaceSection(text, heading, body));
}
