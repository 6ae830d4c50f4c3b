import { type Column, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * A column named with its table, always: drizzle leaves columns unqualified in the select list
 * of a one-table query, where inside a correlated subquery they would be ambiguous.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
