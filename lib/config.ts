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
  DB_OWNER_PASSWORD: text.default("northstar-owner-dev"),
  DB_APP_PASSWORD: text.default("northstar-app-dev"),
  DB_POOL_SIZE: positive(1, 100).default(10),
  DATA_DIR: text.default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  SEED_DEMO_DATA: flag.default("true"),
  AUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: text.optional(),
  AUTH_OIDC_CLIENT_SECRET: text.optional(),
  AUTH_OIDC_NAME: text.default("your district account"),
  NATS_URL: text.optional(),
  NATS_STREAM: streamName.default("NORTHSTAR_INTERVENTIONS"),
  NATS_SUBJECT_PREFIX: subjectPrefix.default("northstar.interventions"),
  NATS_INBOUND_PREFIX: subjectPrefix.default("northstar"),
  NATS_INBOUND_STREAM: streamName.default("NORTHSTAR_DISTRICT_EVENTS"),
  NATS_CONSUMER_PREFIX: streamName.default("northstar-interventions"),
  RELAY_BATCH_SIZE: positive(1, 1000).default(100),
  RELAY_POLL_MS: positive(10, 60_000).default(500),
  CONSUMER_MAX_ATTEMPTS: positive(1, 100).default(5),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: text.default("NorthStar Interventions <no-reply@northstar.example>"),
  MAIL_POLL_MS: positive(100, 3_600_000).default(5000),
  APP_URL: z.url().optional(),
  TRUST_PROXY: flag.default("false"),
  NORTHSTAR_CLOCK: pinnedInstant.optional(),
  NORTHSTAR_CLOCK_FROZEN: flag.default("false"),
  NORTHSTAR_DEMO: flag.default("false"),
  NORTHSTAR_BENCH_FLOOR: z.enum(["0", "1"]).default("0"),
  NEXT_DIST_DIR: text.default(".next"),
  // Tests and benchmarks.
  TEST_DATA_DIR: text.default(".data/test"),
  TEST_EMBEDDED_PG_PORT: port.default(54331),
  E2E_PORT: port.default(3100),
  E2E_DATA_DIR: text.default(".data/e2e"),
  E2E_EMBEDDED_PG_PORT: port.default(54332),
  PLAYWRIGHT_CHROMIUM_PATH: text.optional(),
  NATS_TEST_URL: text.default("127.0.0.1:4222"),
  BENCH_SECONDS: positive(1, 600).default(5),
  BENCH_IMPORT_STUDENTS: positive(100, 5_000_000).default(50_000),
  BENCH_IMPORT_PG_PORT: port.default(54370),
  CI: text.optional(),
});

export type Config = z.output<typeof schema>;
export type SettingName = keyof Config;

export interface SettingDoc {
  /** How the README shows the default. */
  shown: string;
  meaning: string;
  group: "app" | "tests";
}

/** What each variable means and how its default reads in the README (generated from here). */
export const SETTINGS: Record<SettingName, SettingDoc> = {
  PORT: { group: "app", shown: "`3000`", meaning: "HTTP port" },
  DATABASE_URL: {
    group: "app",
    shown: "unset → embedded PostgreSQL",
    meaning: "a PostgreSQL server to use instead (see below)",
  },
  DATABASE_NAME: {
    group: "app",
    shown: "the URL's database, or `northstar` (embedded)",
    meaning: "use this database on that server, created when missing",
  },
  APP_DATABASE_URL: {
    group: "app",
    shown: "derived",
    meaning:
      "the connection requests use, as `northstar_app`; needed only when `DATABASE_URL`'s role cannot create roles",
  },
  DB_OWNER_PASSWORD: {
    group: "app",
    shown: "`northstar-owner-dev`",
    meaning: "password given to the `northstar_owner` role when start-up creates it",
  },
  DB_APP_PASSWORD: {
    group: "app",
    shown: "`northstar-app-dev`",
    meaning: "password given to the `northstar_app` role when start-up creates it",
  },
  DB_POOL_SIZE: { group: "app", shown: "`10`", meaning: "connections per server process" },
  DATA_DIR: {
    group: "app",
    shown: "`.data`",
    meaning: "where the embedded database and generated secrets live",
  },
  EMBEDDED_PG_PORT: {
    group: "app",
    shown: "`54329`",
    meaning: "port of the embedded PostgreSQL (127.0.0.1 only)",
  },
  SEED_DEMO_DATA: { group: "app", shown: "`true`", meaning: "`false` skips the demo districts" },
  AUTH_SECRET: {
    group: "app",
    shown: "random, kept in `.data/auth-secret`",
    meaning: "signs session cookies and links; set it (32+ characters) in production",
  },
  AUTH_OIDC_ISSUER: { group: "app", shown: "unset", meaning: "district single sign-on (below)" },
  AUTH_OIDC_CLIENT_ID: { group: "app", shown: "unset", meaning: "the SSO application's id" },
  AUTH_OIDC_CLIENT_SECRET: {
    group: "app",
    shown: "unset",
    meaning: "the SSO application's secret",
  },
  AUTH_OIDC_NAME: {
    group: "app",
    shown: "`your district account`",
    meaning: 'the sign-in button says "Sign in with …"',
  },
  NATS_URL: {
    group: "app",
    shown: "unset → no broker",
    meaning:
      "NATS JetStream server(s), comma-separated; unset: events are published to `GET /api/v1/events` only",
  },
  NATS_STREAM: {
    group: "app",
    shown: "`NORTHSTAR_INTERVENTIONS`",
    meaning: "the stream the relay creates when missing",
  },
  NATS_SUBJECT_PREFIX: {
    group: "app",
    shown: "`northstar.interventions`",
    meaning: "events go to `<prefix>.<district id>.<event type>`",
  },
  NATS_INBOUND_PREFIX: {
    group: "app",
    shown: "`northstar`",
    meaning: "consumed events arrive on `<prefix>.<area>.<district id>.<type>`",
  },
  NATS_INBOUND_STREAM: {
    group: "app",
    shown: "`NORTHSTAR_DISTRICT_EVENTS`",
    meaning: "created only if no stream covers the consumed subjects",
  },
  NATS_CONSUMER_PREFIX: {
    group: "app",
    shown: "`northstar-interventions`",
    meaning: "durable consumer names `<prefix>-roster`, `-assessment-results`, `-staff`",
  },
  RELAY_BATCH_SIZE: { group: "app", shown: "`100`", meaning: "events per relay pass" },
  RELAY_POLL_MS: {
    group: "app",
    shown: "`500`",
    meaning: "how often an idle relay looks for new events",
  },
  CONSUMER_MAX_ATTEMPTS: {
    group: "app",
    shown: "`5`",
    meaning: "deliveries of a failing consumed message before it is parked",
  },
  SMTP_URL: {
    group: "app",
    shown: "unset → mail kept",
    meaning:
      'where letters are sent, e.g. `smtp://user:pass@mail.district.org:587`; unset: kept as "stored" and read at `/admin/mailbox`',
  },
  MAIL_FROM: {
    group: "app",
    shown: "`NorthStar Interventions <no-reply@northstar.example>`",
    meaning: "the sender of letters and notices",
  },
  MAIL_POLL_MS: {
    group: "app",
    shown: "`5000`",
    meaning:
      'how often the mail worker looks for queued messages (retries back off 1 min … 12 h, then "failed")',
  },
  APP_URL: {
    group: "app",
    shown: "`http://localhost:<PORT>`",
    meaning: "the address families reach the app at: opt-out links and portal notices point here",
  },
  TRUST_PROXY: {
    group: "app",
    shown: "`false`",
    meaning:
      "`true` when a proxy in front of the app sets `X-Forwarded-For`: sign-in failures are then also limited per client address",
  },
  NORTHSTAR_CLOCK: {
    group: "app",
    shown: "unset → the real time",
    meaning:
      "pins the app's clock to an instant such as `2026-11-18T15:00:00Z` (tests, demos); refused with `NODE_ENV=production` unless `NORTHSTAR_DEMO=true`",
  },
  NORTHSTAR_CLOCK_FROZEN: {
    group: "app",
    shown: "`false`",
    meaning: "`true` stops a pinned clock at its instant instead of letting it run on",
  },
  NORTHSTAR_DEMO: {
    group: "app",
    shown: "`false`",
    meaning: "`true` declares a demo server: allows a pinned clock under `NODE_ENV=production`",
  },
  NORTHSTAR_BENCH_FLOOR: {
    group: "app",
    shown: "`0`",
    meaning:
      "`1` turns on `/api/v1/_bench/floor`, the benchmark's one-insert/one-select reference route; never set in production",
  },
  NEXT_DIST_DIR: {
    group: "app",
    shown: "`.next`",
    meaning: "the build folder (the benchmark builds into `.next-bench`)",
  },
  TEST_DATA_DIR: {
    group: "tests",
    shown: "`.data/test`",
    meaning: "the integration suite's embedded PostgreSQL",
  },
  TEST_EMBEDDED_PG_PORT: {
    group: "tests",
    shown: "`54331`",
    meaning: "its port (the suite uses `DATABASE_URL`'s server instead when that is set)",
  },
  E2E_PORT: { group: "tests", shown: "`3100`", meaning: "the end-to-end server's HTTP port" },
  E2E_DATA_DIR: {
    group: "tests",
    shown: "`.data/e2e`",
    meaning: "the end-to-end server's data folder",
  },
  E2E_EMBEDDED_PG_PORT: {
    group: "tests",
    shown: "`54332`",
    meaning: "the end-to-end server's embedded PostgreSQL port",
  },
  PLAYWRIGHT_CHROMIUM_PATH: {
    group: "tests",
    shown: "`/usr/bin/chromium`",
    meaning: "the Chromium the end-to-end tests drive",
  },
  NATS_TEST_URL: {
    group: "tests",
    shown: "`127.0.0.1:4222`",
    meaning: "the NATS JetStream server the integration tests use",
  },
  BENCH_SECONDS: {
    group: "tests",
    shown: "`5`",
    meaning: "how long `npm run bench` measures each request kind",
  },
  BENCH_IMPORT_STUDENTS: {
    group: "tests",
    shown: "`50000`",
    meaning: "students in the file `npm run bench:import` imports",
  },
  BENCH_IMPORT_PG_PORT: {
    group: "tests",
    shown: "`54370`",
    meaning: "the import benchmark's embedded PostgreSQL port",
  },
  CI: {
    group: "tests",
    shown: "unset",
    meaning: "set by CI: a test that needs a superuser connection fails instead of skipping",
  },
};

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
