import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Options, type Parser, parse } from "csv-parse";
import { BundleRefusedError } from "./summary";

/**
 * CSV files of an upload, read with `csv-parse` (RFC 4180: quoted fields, doubled quotes, commas
 * and line breaks inside quotes, a UTF-8 byte-order mark) as a stream, so a roster of any size is
 * read in constant memory. What this module adds is what an admin needs to fix a file: the line
 * on which each record starts, as a text editor or spreadsheet shows it. Decision 0010 says why
 * the library, and why the line numbers are counted here rather than taken from its `info`.
 */

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts, as a spreadsheet would show it. */
  line: number;
  fields: string[];
  /** Set when the record cannot be trusted (an unterminated quote at the end of the file). */
  error?: string;
}

/**
 * Line breaks in `text`: CRLF, LF and a lone CR count one each. The parser's own count
 * (`info.lines`) gives the line a record ends on, not the one it starts on, and counts a CRLF
 * inside quotes twice; counting the raw text gives the line a spreadsheet shows.
 */
function lineBreaks(text: string, from = 0, to = text.length): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || (c === 10 && (i === from || text.charCodeAt(i - 1) !== 13))) breaks += 1;
  }
  return breaks;
}

/** How many characters at the start of `raw` are line breaks (blank lines the parser skipped). */
function leadingBreakChars(raw: string): number {
  let i = 0;
  while (i < raw.length && (raw.charCodeAt(i) === 10 || raw.charCodeAt(i) === 13)) i += 1;
  return i;
}

/** The parser's refusals, in words an admin can act on. */
const FAILURES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "A quoted field is never closed.",
};

/**
 * The longest record read, in bytes. A roster row is well under a kilobyte; a longer "row" is a
 * quote never closed swallowing the rest of the file, or not CSV at all, and would otherwise
 * grow in memory up to the size of the file.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Records the parser may read ahead of the caller: two of the imports' write batches. While an
 * import waits on the database the parser keeps going, so the library's parsing (slower than the
 * hand-written reader it replaced) costs the import no time; decision 0010 has the measurements.
 */
const READ_AHEAD = 2048;

const PARSER_OPTIONS = {
  bom: true,
  // Every ending in one file: exports stitched together by hand mix CRLF and LF. Without a list
  // the parser keeps the first ending it meets, and a LF row after CRLF rows would merge into
  // the row above. CRLF first, so it is one break and not two.
  record_delimiter: ["\r\n", "\n", "\r"],
  // A stray quote inside an unquoted field is kept as text, as spreadsheets do, rather than
  // failing the whole file.
  relax_quotes: true,
  // A row of the wrong width is the caller's to report with its line (readCsvRows does).
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: MAX_RECORD_BYTES,
  // The record's source text, to count the line breaks it spans (see lineBreaks).
  raw: true,
  // What is still refused (a quote never closed, at the end of the file) reaches on_skip, which
  // puts a record with an error in its place among the others: thrown, it would discard the
  // records read just before it.
  skip_records_with_error: true,
} satisfies Options;

/**
 * Reads records from chunks of UTF-8 bytes (or already decoded text). `file` names the file in
 * the one error thrown (a record over MAX_RECORD_BYTES); every other problem is a record's
 * `error`, so the rows around it are still read.
 */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array | string>,
  options: { file?: string } = {},
): AsyncGenerator<CsvRecord> {
  /** Line breaks in the text of every record parsed so far (and blank lines before them). */
  let breaksBefore = 0;
  // The raw text holds the blank lines skipped before the record, then the record itself.
  const startLine = (raw: string) => 1 + breaksBefore + lineBreaks(raw, 0, leadingBreakChars(raw));
  const onRecord = ({ record, raw }: { record: string[]; raw: string }): CsvRecord => {
    const line = startLine(raw);
    breaksBefore += lineBreaks(raw);
    return { line, fields: record };
  };
  const parser: Parser = parse({
    ...PARSER_OPTIONS,
    // Both callbacks run in file order as the parser goes, so the count stays in step even
    // while the parser reads ahead of the caller. With `raw`, a record reaches on_record as
    // { record, raw } and leaves it as a CsvRecord, which the library's types do not foresee.
    on_record: onRecord as unknown as Options["on_record"],
    on_skip: (error, raw = "") => {
      const line = startLine(raw);
      if (error?.code === "CSV_MAX_RECORD_SIZE") {
        throw new BundleRefusedError(
          `${options.file ?? "The file"}: the row on line ${line} is longer than ${MAX_RECORD_BYTES / (1024 * 1024)} MB, so the file cannot be read as CSV (is a quote never closed?).`,
        );
      }
      breaksBefore += lineBreaks(raw);
      const reason = (error && FAILURES[error.code]) ?? "The row cannot be read as CSV.";
      parser.push({ line, fields: [], error: reason } satisfies CsvRecord);
      return undefined;
    },
    // Passed on to the parser's stream; the library's types list only its own options.
    readableHighWaterMark: READ_AHEAD,
  } as Options);
  // The parser takes bytes; a character split across two chunks is joined before decoding.
  const feeding = pipeline(Readable.from(chunks, { objectMode: true }), parser);
  // A failure of the source (a zip over its caps) surfaces through the iteration below; this
  // only keeps it from being reported a second time as unhandled.
  feeding.catch(() => undefined);
  yield* parser as AsyncIterable<CsvRecord>;
}

/** A record read against its file's header row: fields by column name. */
export interface CsvRow {
  line: number;
  get(column: string): string;
  has(column: string): boolean;
  error?: string;
}

/**
 * Records as rows keyed by the header's column names (compared exactly, after trimming).
 * The header itself is returned first through `onHeader`, so a caller can refuse a file whose
 * columns are wrong before any row is used.
 */
export async function* readCsvRows(
  chunks: AsyncIterable<Uint8Array | string>,
  onHeader: (columns: string[]) => void,
  options: { file?: string } = {},
): AsyncGenerator<CsvRow> {
  let index: Map<string, number> | null = null;
  for await (const record of readCsv(chunks, options)) {
    if (!index) {
      const columns = record.fields.map((c) => c.trim());
      onHeader(columns);
      index = new Map(columns.map((c, i) => [c, i]));
      continue;
    }
    const columns: Map<string, number> = index;
    const { fields } = record;
    yield {
      line: record.line,
      get: (column) => {
        const i = columns.get(column);
        return i === undefined ? "" : (fields[i] ?? "").trim();
      },
      has: (column) => columns.has(column),
      error:
        record.error ??
        (fields.length !== columns.size
          ? `The row has ${fields.length} fields; the header has ${columns.size}.`
          : undefined),
    };
  }
  if (!index) onHeader([]);
}
