/**
 * A streaming RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF endings, a UTF-8 byte-order mark. Records are yielded as soon as they end,
 * so a file of any size is read in constant memory. Written here rather than taken from a
 * package: it is small, and roster files are too sensitive to route through more code than needed.
 */

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts, as a spreadsheet would show it. */
  line: number;
  fields: string[];
  /** Set when the record cannot be trusted (an unterminated quote at the end of the file). */
  error?: string;
}

const SPECIAL = /[",\r\n]/g;

/** Reads records from chunks of UTF-8 bytes (or already decoded text). */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<CsvRecord> {
  // TextDecoder drops a leading byte-order mark and keeps multi-byte characters split across chunks whole.
  const decoder = new TextDecoder("utf-8");
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  /** After a closing quote: a second quote means a literal quote, anything else ends the quoted part. */
  let quoteSeen = false;
  let line = 1;
  let recordLine = 1;
  let pendingCr = false;
  let quotedCr = false;
  let recordStarted = false;
  let first = true;

  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record = { line: recordLine, fields };
    fields = [];
    field = "";
    recordStarted = false;
    // A blank line is not a record.
    return record.fields.length === 1 && record.fields[0] === "" ? null : record;
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let i = 0;
    while (i < text.length) {
      if (pendingCr) {
        pendingCr = false;
        // CRLF is one line break; a lone CR (old Mac files) is one too.
        if (text[i] === "\n") {
          i += 1;
          continue;
        }
      }
      if (inQuotes) {
        const close = text.indexOf('"', i);
        const part = close < 0 ? text.slice(i) : text.slice(i, close);
        const counted = countBreaks(part, quotedCr);
        line += counted.breaks;
        quotedCr = counted.endsWithCr;
        field += part;
        if (close < 0) break;
        quotedCr = false;
        inQuotes = false;
        quoteSeen = true;
        i = close + 1;
        continue;
      }
      if (!recordStarted) {
        recordStarted = true;
        recordLine = line;
      }
      SPECIAL.lastIndex = i;
      const match = SPECIAL.exec(text);
      const at = match ? match.index : text.length;
      if (at > i) {
        quoteSeen = false;
        field += text.slice(i, at);
      }
      if (!match) break;
      const ch = match[0];
      i = at + 1;
      if (ch === '"') {
        if (quoteSeen) field += '"';
        // A quote opens a quoted section anywhere; a stray quote mid-field is kept leniently as
        // the start of one, which is what spreadsheets do.
        inQuotes = true;
        quoteSeen = false;
      } else if (ch === ",") {
        quoteSeen = false;
        fields.push(field);
        field = "";
      } else {
        quoteSeen = false;
        line += 1;
        if (ch === "\r") pendingCr = true;
        const record = endRecord();
        if (record) yield record;
      }
    }
  }
  const tail = decoder.decode();
  if (tail) field += tail;
  if (inQuotes) {
    fields.push(field);
    yield { line: recordLine, fields, error: "A quoted field is never closed." };
    return;
  }
  if (recordStarted || field !== "" || fields.length > 0) {
    const record = endRecord();
    if (record) yield record;
  }
}

/**
 * Line breaks inside a quoted field: CR counts, and LF unless it completes a CRLF — even one
 * split across two chunks, hence the carried `afterCr`.
 */
function countBreaks(text: string, afterCr: boolean): { breaks: number; endsWithCr: boolean } {
  let breaks = 0;
  let previousCr = afterCr;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || (c === 10 && !previousCr)) breaks += 1;
    previousCr = c === 13;
  }
  return { breaks, endsWithCr: text.length > 0 ? previousCr : afterCr };
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
): AsyncGenerator<CsvRow> {
  let index: Map<string, number> | null = null;
  for await (const record of readCsv(chunks)) {
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

/** One field of a CSV file we write (exports): quoted when it must be, and never a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
