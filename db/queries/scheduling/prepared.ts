/**
 * Runs a query as a named prepared statement of its connection. postgres.js sends an unnamed
 * statement with parameters in two round trips (it asks for the parameter types first) and
 * sends nothing else on the connection until the types come back, so statements issued
 * together (`Promise.all`) still go one after another. A prepared statement is described
 * once per connection and SQL text; after that it is sent in one message, behind the others.
 * The name is only a label: postgres.js keys its statements by their SQL text.
 */
export function runPrepared<R>(
  query: { prepare: (name: string) => { execute: () => Promise<R> } },
  name: string,
): Promise<R> {
  return query.prepare(name).execute();
}
