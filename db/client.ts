import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction opened by `withTenant`; query functions take this, never the pool. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  close: () => Promise<void>;
}

type Client = postgres.Sql | postgres.TransactionSql;
type Scoped = (client: postgres.TransactionSql) => unknown;

/**
 * The client as Drizzle sees it, with every statement prepared (decision 0030). Drizzle asks
 * postgres.js for an unnamed statement unless a query is given a name, and postgres.js sends an
 * unnamed statement with parameters in two round trips (a Describe for the parameters' types,
 * then Bind and Execute), holding back everything behind it on the connection. A prepared one
 * is described once per connection and SQL text and then goes in one message. Transactions and
 * savepoints hand Drizzle a client of their own, which is wrapped the same way.
 */
function preparingEveryStatement<C extends Client>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (text: string, parameters?: unknown, options?: postgres.UnsafeQueryOptions) =>
          Array.isArray(parameters)
            ? target.unsafe(text, parameters, { ...options, prepare: true })
            : target.unsafe(text, [], { ...(parameters as object), prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        // Both take an optional mode or name first and the transaction's function last.
        return (...args: unknown[]) => {
          const scoped = args.pop() as Scoped;
          const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return open(...args, (inner: postgres.TransactionSql) =>
            scoped(preparingEveryStatement(inner)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * `applicationName` tells a worker's connections apart in pg_stat_activity (and in tests);
 * `debug` sees each statement as it is sent (the tests that count them).
 */
export function connect(
  url: string,
  options: {
    max?: number;
    applicationName?: string;
    debug?: (connection: number, statement: string, parameters: unknown[]) => void;
  } = {},
): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    debug: options.debug,
    // Notices (e.g. "relation already exists, skipping") are not errors worth printing.
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "northstar-interventions" },
  });
  const db = drizzle(preparingEveryStatement(client), { schema, casing: "snake_case" });
  return { db, close: () => client.end({ timeout: 5 }) };
}
