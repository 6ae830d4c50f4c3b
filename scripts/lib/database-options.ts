import type { ProvisionOptions } from "@/db/provision";
import { ClockConfigError } from "@/lib/clock";
import { ConfigError, config } from "@/lib/config";

/** Where the scripts find their database: DATABASE_URL's server, or the embedded one. */
export function databaseOptions(overrides: Partial<ProvisionOptions> = {}): ProvisionOptions {
  const settings = config();
  return {
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    embeddedPort: settings.EMBEDDED_PG_PORT,
    database: settings.DATABASE_NAME,
    ...overrides,
  };
}

/** A setting the operator got wrong is said in plain lines; anything else keeps its stack. */
export function describeStartupError(error: unknown): unknown {
  return error instanceof ConfigError || error instanceof ClockConfigError ? error.message : error;
}
