/**
 * The one row a write's `returning` hands back. An insert without a conflict clause (or an
 * upsert that always updates) returns a row for every row it wrote, so an empty answer is a
 * fault to raise, never a result to pass on.
 */
export function returnedRow<T>(rows: readonly T[], statement = "Insert"): T {
  const [row] = rows;
  if (!row) throw new Error(`${statement} returned no row`);
  return row;
}
