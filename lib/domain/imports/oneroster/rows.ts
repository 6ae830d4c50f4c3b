import type { CsvRow } from "../csv";

/** What every file's rows share: the result of reading one, and the fields every row has. */

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): RowResult<T> => ({ ok: true, value });
export const fail = <T>(reason: string): RowResult<T> => ({ ok: false, reason });

export type RowStatus = "active" | "tobedeleted";

/** Bulk files may leave status empty; 1.0's "inactive" is read as a removal too. */
function statusOf(row: CsvRow): RowStatus | null {
  const status = row.get("status").toLowerCase();
  if (status === "" || status === "active") return "active";
  if (status === "tobedeleted" || status === "inactive") return "tobedeleted";
  return null;
}

/** Fields every row has, checked first: a readable row, a sourcedId, a known status. */
export function rowHead(row: CsvRow): RowResult<{ sourcedId: string; status: RowStatus }> {
  if (row.error) return fail(row.error);
  const sourcedId = row.get("sourcedId");
  if (!sourcedId) return fail("sourcedId is empty.");
  if (sourcedId.length > 120) return fail("sourcedId is longer than 120 characters.");
  const status = statusOf(row);
  if (!status) return fail(`status "${row.get("status")}" is not active or tobedeleted.`);
  return ok({ sourcedId, status });
}

export function tooLong(label: string, value: string, max: number): string | null {
  return value.length > max ? `${label} is longer than ${max} characters.` : null;
}

/** "a, b ,c" → ["a", "b", "c"] */
export function sourcedIdList(value: string): string[] {
  return value
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}
