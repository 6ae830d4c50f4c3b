import "server-only";
import { connect, type Database } from "@/db/client";
import { appConfig } from "./config";

const globalForDb = globalThis as unknown as { northstarDb?: Database };

/** The request pool, connected as the unprivileged app role. One per server process. */
export function requestDb(): Database {
  if (!globalForDb.northstarDb) {
    const config = appConfig();
    globalForDb.northstarDb = connect(config.APP_DATABASE_URL, { max: config.DB_POOL_SIZE }).db;
  }
  return globalForDb.northstarDb;
}
