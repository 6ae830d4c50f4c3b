import postgres from "postgres";

/**
 * The number of rows in every table of the app's schema, per district, read as the owner inside
 * each district (RLS filters the owner too). Compared before and after a phase of requests that
 * must all be refused: any difference is a row a refused request wrote.
 */
export type RowCounts = Map<string, number>;

export async function countRows(ownerUrl: string): Promise<RowCounts> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables
      where table_schema = 'intervention' and table_type = 'BASE TABLE' order by table_name`;
    const districts = await sql<
      { id: string }[]
    >`select id from intervention.districts order by id`;
    const counts: RowCounts = new Map();
    for (const district of districts) {
      await sql.begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${district.id}, true)`;
        for (const { table_name: table } of tables) {
          const [row] = await tx<{ n: number }[]>`
            select count(*)::int as n from ${tx("intervention")}.${tx(table)}`;
          const key = table;
          counts.set(key, (counts.get(key) ?? 0) + (row?.n ?? 0));
        }
      });
    }
    return counts;
  } finally {
    await sql.end();
  }
}

/**
 * Counts once the background jobs have caught up (e.g. the audit sealer moving a just-written
 * row from the queue to the seals): two counts a moment apart that agree, or the last after 20 s.
 */
export async function settledRowCounts(ownerUrl: string): Promise<RowCounts> {
  let previous = await countRows(ownerUrl);
  for (let tries = 0; tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const next = await countRows(ownerUrl);
    if (changedTables(previous, next).length === 0) return next;
    previous = next;
  }
  return previous;
}

/** Tables whose count changed, as `table +n`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  const changed: string[] = [];
  for (const [table, count] of after) {
    const delta = count - (before.get(table) ?? 0);
    if (delta !== 0) changed.push(`${table} ${delta > 0 ? "+" : ""}${delta}`);
  }
  return changed;
}
