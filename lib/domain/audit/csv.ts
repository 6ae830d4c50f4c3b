export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with = + - @ or a
 * tab/CR) is prefixed with an apostrophe: an export about a child must not execute anything.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
