import { z } from "zod";
import { pinnedClockOf } from "./clock";

/**
 * Every environment variable the project reads, validated in one place: the app, the workers,
 * the scripts, the tests and the benchmark all take their settings from `config()`. Biome's
 * `lint/environment.grit` refuses `process.env.X` elsewhere. The README's variable tables are
 * generated from SETTINGS (`npm run readme:config`), and a unit test keeps them in step.
 *
 * An empty value counts as unset, so `VAR= npm start` clears a variable. A wrong value stops
 * start-up with one line per variable, naming it.
 */

const text = z.string().trim().min(1);
const port = z.coerce.number().int().min(1).max(65_535);
const positive = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(["true", "false"], { error: 'use "true" or "false"' });
const subjectPrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "a dot-separated NATS subject prefix");
const streamName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ and - only");
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL")
  .refine((value) => URL.canParse(value), "a postgres:// or postgresql:// URL");
const smtpUrl = z
  .string()
  .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
  .refine((value) => URL.canParse(value), "an smtp:// or smtps:// URL");
const pinnedInstant = z.string().superRefine((value, context) => {
  try {
    pinnedClockOf({ NORTHSTAR_CLOCK: value }, 0);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
  }
});

const schema = z.object({
  PORT: port.default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_NAME: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case PostgreSQL identifier")
    .optional(),
  APP_DATABASE_URL: postgresUrl.optional(),
  WORKER_DATABASE_URL: postgresUrl.optional(),
  DB_OWNER_PASSWORD: text.optional(),
  DB_APP_PASSWORD: text.optional(),
  DB_WORKER_PASSWORD: text.optional(),
  DB_POOL_SIZE: positive(1, 100).default(10),
  DATA_DIR: text.default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  SEED_DEMO_DATA: flag.optional(),
  AUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: text.optional(),
  AUTH_OIDC_CLIENT_SECRET: text.optional(),
  AUTH_OIDC_NAME: text.default("your district account"),
  AUTH_OIDC_DISTRICT: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "a district's slug, e.g. maple-grove")
    .optional(),
  AUTH_OIDC_ENTRA_TENANTS: z
    .string()
    .regex(
      /^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/,
      "Entra tenant ids (GUIDs), separated by commas",
    )
    .optional(),
  NATS_URL: text.optional(),
  NATS_USER: text.optional(),
  NATS_PASSWORD: text.optional(),
  NATS_STREAM: streamName.default("NORTHSTAR_INTERVENTIONS"),
  NATS_SUBJECT_PREFIX: subjectPrefix.default("northstar.interventions"),
  NATS_INBOUND_PREFIX: subjectPrefix.default("northstar"),
  NATS_INBOUND_STREAM: streamName.default("NORTHSTAR_DISTRICT_EVENTS"),
  NATS_CONSUMER_PREFIX: streamName.default("northstar-interventions"),
  RELAY_BATCH_SIZE: positive(1, 1000).default(100),
  RELAY_POLL_MS: positive(10, 60_000).default(500),
  CONSUMER_MAX_ATTEMPTS: positive(1, 100).default(5),
  SMTP_URL: smtpUrl.optional(),
  SMTP_TLS: z.enum(["require", "if-offered", "off"]).optional(),
  MAIL_FROM: text.default("NorthStar Interventions <no-reply@northstar.example>"),
  MAIL_POLL_MS: positive(100, 3_600_000).default(5000),
  APP_URL: z.url().optional(),
  TRUST_PROXY: flag.default("false"),
  NORTHSTAR_CLOCK: pinnedInstant.optional(),
  NORTHSTAR_CLOCK_FROZEN: flag.default("false"),
  NORTHSTAR_DEMO: flag.default("false"),
  NORTHSTAR_BENCH_FLOOR: z.enum(["0", "1"]).default("0"),
  NEXT_DIST_DIR: text.default(".next"),
  // Set by Next itself (`next dev` → development, `next start` → production).
  NODE_ENV: text.optional(),
  // Tests and benchmarks.
  TEST_DATA_DIR: text.default(".data/test"),
  TEST_EMBEDDED_PG_PORT: port.default(54331),
  E2E_PORT: port.default(3100),
  E2E_DATA_DIR: text.default(".data/e2e"),
  E2E_EMBEDDED_PG_PORT: port.default(54332),
  PLAYWRIGHT_CHROMIUM_PATH: text.optional(),
  NATS_TEST_URL: text.default("127.0.0.1:4222"),
  BENCH_SECONDS: positive(1, 600).default(5),
  BENCH_DATA_DIR: text.default(".data/bench"),
  BENCH_PG_PORT: port.default(54360),
  BENCH_PORT: port.optional(),
  BENCH_IMPORT_STUDENTS: positive(100, 5_000_000).default(50_000),
  BENCH_IMPORT_PG_PORT: port.default(54370),
  CI: text.optional(),
});

export type Config = z.output<typeof schema>;
export type SettingName = keyof Config;

import { SETTINGS, type SettingDoc } from "./config-settings";

export { SETTINGS, type SettingDoc };

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/** The settings `env` gives, or a ConfigError naming each wrong variable. */
export function readConfig(env: Env): Config {
  const given: Env = {};
  for (const name of Object.keys(SETTINGS)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") given[name] = value;
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    // Values are not repeated: a URL or a secret may carry a password.
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: Config | undefined;

/** This process's settings, read from its environment the first time they are asked for. */
export function config(): Config {
  cached ??= readConfig(process.env);
  return cached;
}

/** Where each group's table stands in the README, between these two comments. */
export const README_MARKERS = (group: SettingDoc["group"]) =>
  [`<!-- settings:${group} -->`, `<!-- /settings:${group} -->`] as const;

/** The README's table of one group of variables, one row per setting. */
export function settingsTable(group: SettingDoc["group"]): string {
  const rows = Object.entries(SETTINGS)
    .filter(([, doc]) => doc.group === group)
    .map(([name, doc]) => [`\`${name}\``, doc.shown, doc.meaning]);
  const header = ["variable", "default", "meaning"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)]
    .join("\n")
    .concat("\n");
}
