/**
 * Rows grouped by a key, each group in the rows' order (Map.groupBy, which Node 20 lacks). The
 * effectiveness and budget figures read each kind of input once for many groups and split it so.
 */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
