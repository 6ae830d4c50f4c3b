import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { listening } from "@/db/embedded";
import { config } from "@/lib/config";

/**
 * The database a side script (`npm run worker`, `npm run audit:verify`) should use: DATABASE_URL
 * when set; else, when `npm start` is already running the embedded PostgreSQL of DATA_DIR, that
 * server (a second embedded start on the same data directory would fail); else undefined, and
 * provisioning starts the embedded server itself.
 */
export async function databaseUrlForScript(): Promise<string | undefined> {
  const settings = config();
  if (settings.DATABASE_URL) return settings.DATABASE_URL;
  const dataDir = settings.DATA_DIR;
  const port = settings.EMBEDDED_PG_PORT;
  const passwordFile = path.join(dataDir, "pg.admin-password");
  if (!existsSync(path.join(dataDir, "pg", "postmaster.pid")) || !existsSync(passwordFile)) {
    return undefined;
  }
  if (!(await listening(port))) return undefined;
  const password = encodeURIComponent(readFileSync(passwordFile, "utf8").trim());
  const database = settings.DATABASE_NAME ?? "northstar";
  return `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
}
