import type { Tx } from "@/db/client";
import { type FileBundle, findFile } from "@/lib/domain/imports/bundle";
import { type CsvRow, readCsvRows } from "@/lib/domain/imports/csv";
import type { FileMode, Manifest, OneRosterFile } from "@/lib/domain/imports/oneroster/bundle";
import type { RowResult } from "@/lib/domain/imports/oneroster/rows";
import { emptySummary, RejectionLog } from "@/lib/domain/imports/summary";
import type { ImportProgress } from "../import-run";

/** What a OneRoster import counts, in the order the admin page and the command line show it. */
export const KINDS = [
  "schools",
  "teachers",
  "students",
  "guardians",
  "guardianLinks",
  "classes",
  "enrollments",
] as const;
export type Kind = (typeof KINDS)[number];

/** Rows per statement: big enough to be fast, far below PostgreSQL's 65,535 parameters. */
export const BATCH = 1000;

/**
 * What every step of one OneRoster import shares: the transaction, the bundle and its manifest,
 * the counts and the rejected rows. The steps (one file per OneRoster file kind, beside this
 * one) read their file through `parsed` and write through db/queries/imports/.
 */
export class RosterRun {
  readonly summary = emptySummary(KINDS);
  readonly rejections = new RejectionLog();

  constructor(
    readonly tx: Tx,
    readonly tenantId: string,
    private readonly bundle: FileBundle,
    private readonly manifest: Manifest,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {}

  has(file: OneRosterFile): boolean {
    return findFile(this.bundle, file) !== undefined;
  }

  /** How the manifest says to apply `file`: the whole truth (bulk) or changes only (delta). */
  mode(file: OneRosterFile): FileMode {
    return this.manifest.modes[file] ?? "bulk";
  }

  reject(kind: Kind | null, file: string, line: number, reason: string): void {
    if (kind) this.summary[kind].rejected += 1;
    this.rejections.add({ file, line, reason });
  }

  /** Counts a batch written by an upsert: rows returned were created or updated, the rest unchanged. */
  count(kind: Kind, written: readonly { inserted: boolean }[], batchSize: number): void {
    const created = written.filter((w) => w.inserted).length;
    this.summary[kind].created += created;
    this.summary[kind].updated += written.length - created;
    this.summary[kind].unchanged += batchSize - written.length;
  }

  /**
   * The rows of `file` parsed by `parse`; rows that fail are rejected here with their line.
   * Duplicate sourcedIds within the file are rejected too: the second would silently win.
   */
  async *parsed<T extends { sourcedId: string }>(
    file: OneRosterFile,
    parse: (row: CsvRow) => RowResult<T>,
    kindOf: (row: CsvRow) => Kind | null,
  ): AsyncGenerator<{ line: number; value: T }> {
    const name = findFile(this.bundle, file);
    if (!name) return;
    const seen = new Map<string, number>();
    let count = 0;
    for await (const row of readCsvRows(this.bundle.open(name), () => {}, { file: name })) {
      count += 1;
      if (count % BATCH === 0) this.onProgress?.({ file, rows: count });
      const result = parse(row);
      if (!result.ok) {
        this.reject(kindOf(row), file, row.line, result.reason);
        continue;
      }
      const first = seen.get(result.value.sourcedId);
      if (first !== undefined) {
        this.reject(
          kindOf(row),
          file,
          row.line,
          `sourcedId ${result.value.sourcedId} appears again (first on line ${first}).`,
        );
        continue;
      }
      seen.set(result.value.sourcedId, row.line);
      yield { line: row.line, value: result.value };
    }
    this.onProgress?.({ file, rows: count });
  }
}

/** Collects items and hands them to `write` BATCH at a time; `flush` writes what is left. */
export class Batches<T> {
  private items: T[] = [];

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  async add(item: T): Promise<void> {
    this.items.push(item);
    if (this.items.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    await this.write(items);
  }
}

/** `write` called on `items` BATCH at a time. */
export async function inBatches<T>(
  items: readonly T[],
  write: (chunk: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await write(items.slice(i, i + BATCH));
}
