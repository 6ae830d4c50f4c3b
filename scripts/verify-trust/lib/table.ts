import type { TrustRow } from "../types";

/** The run's one table: area | check | figure | ok, padded to the widest cell of each column. */
export function formatTable(rows: readonly TrustRow[]): string {
  const header = ["area", "check", "figure", "ok"];
  const cells = rows.map((row) => [row.area, row.check, row.figure, row.ok ? "yes" : "NO"]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? "").length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return [line(header), rule, ...cells.map(line)].join("\n");
}

/** The line under the table: how many rows, how many failed, how long the run took. */
export function summaryLine(rows: readonly TrustRow[], seconds: number, full: boolean): string {
  const failed = rows.filter((row) => !row.ok).length;
  const run = full ? "full run" : "short run";
  const verdict = failed === 0 && rows.length > 0 ? "all ok" : `${failed} FAILED`;
  return `verify:trust (${run}): ${rows.length} rows, ${verdict}, ${seconds.toFixed(0)} s`;
}

/** A check that throws (or cannot be loaded) is a failed row of its own, not the end of the run. */
export function failedRow(check: string, error: unknown): TrustRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    area: check,
    check: "the check ran",
    figure: `threw: ${message.split("\n")[0]}`,
    ok: false,
  };
}
