/** One progress report of an import: rows of `file` read so far. */
export interface ProgressReport {
  file: string;
  rows: number;
}

/**
 * What the command line writes as an import reports its progress. On a terminal, one line per
 * file rewritten in place (carriage return); elsewhere (a log, a pipe, CI) whole lines, since
 * carriage returns there run every update together on one line: a line each `every` rows and
 * one with each file's final count.
 */
export function progressText(options: { terminal: boolean; every?: number }) {
  const every = options.every ?? 10_000;
  let last: ProgressReport | null = null;
  /** Rows of `last.file` last written as a whole line; null before the first. */
  let printed: number | null = null;
  const line = (report: ProgressReport) =>
    `${report.file}: ${report.rows.toLocaleString("en-US")} rows`;
  /** Ends the current file: its line on a terminal, its final count elsewhere if not yet written. */
  const finish = (): string => {
    if (!last) return "";
    if (options.terminal) return "\n";
    return last.rows !== printed ? `${line(last)}\n` : "";
  };
  return {
    update(report: ProgressReport): string {
      let text = "";
      if (last && last.file !== report.file) {
        text += finish();
        printed = null;
      }
      last = report;
      if (options.terminal) return `${text}\r${line(report)}`;
      if (report.rows >= (printed ?? 0) + every) {
        printed = report.rows;
        text += `${line(report)}\n`;
      }
      return text;
    },
    /** What ends the progress display, before the summary is written. */
    end(): string {
      const text = finish();
      last = null;
      printed = null;
      return text;
    },
  };
}
