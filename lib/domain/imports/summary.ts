/** What an import did, per kind of record: the numbers the admin page and the CLI show. */
export interface ImportCounts {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  rejected: number;
}

/** A row that did not land, and why: enough for the admin to find and fix it in the source. */
export interface RejectedRow {
  file: string;
  /** Line of the file on which the row starts (the header is line 1). */
  line: number;
  reason: string;
}

export type ImportSummary<K extends string = string> = Record<K, ImportCounts>;

/** Only so many rejected rows are kept with a run; the counts stay exact beyond that. */
export const MAX_REJECTED_KEPT = 2000;

export const emptyCounts = (): ImportCounts => ({
  created: 0,
  updated: 0,
  deactivated: 0,
  unchanged: 0,
  rejected: 0,
});

export function emptySummary<K extends string>(kinds: readonly K[]): ImportSummary<K> {
  return Object.fromEntries(kinds.map((kind) => [kind, emptyCounts()])) as ImportSummary<K>;
}

/** True when the run changed nothing at all: a re-import of the same files. */
export function changedNothing(summary: ImportSummary): boolean {
  return Object.values(summary).every(
    (c) => c.created === 0 && c.updated === 0 && c.deactivated === 0,
  );
}

/** Collects rejected rows, keeping the first MAX_REJECTED_KEPT. */
export class RejectionLog {
  readonly rows: RejectedRow[] = [];
  total = 0;

  add(row: RejectedRow): void {
    this.total += 1;
    if (this.rows.length < MAX_REJECTED_KEPT) this.rows.push(row);
  }
}

/** A file, or a whole bundle, that is not what it claims to be: refused before anything is written. */
export class BundleRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleRefusedError";
  }
}
