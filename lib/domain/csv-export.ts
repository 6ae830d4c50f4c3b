/**
 * The CSV files the app writes (the at-risk report, a student's compliance record): RFC 4180,
 * CRLF line ends. A cell a spreadsheet would run as a formula (starting with = + - @ or a tab or
 * CR) is prefixed with an apostrophe: an export about a child must not execute anything.
 * Pure, so pages that render in the browser may import what sits beside it; reading CSV is
 * lib/domain/imports/csv.ts.
 */
export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of a file, with its line end. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole file: the header, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map(csvLine).join("");
}
