import type { SettingName } from "./config";

/**
 * What each environment variable of lib/config.ts means and how the README shows its default.
 * The README's tables are generated from this (`npm run readme:config`); lib/config.test.ts
 * checks that every setting the schema reads is described here.
 */
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
  WORKER_DATABASE_URL: {
    group: "app",
    shown: "derived",
    meaning:
      "the connection the background workers use, as `northstar_worker`; needed only when `DATABASE_URL`'s role cannot create roles",
  },
  DB_OWNER_PASSWORD: {
    group: "app",
    shown: "random, kept in `DATA_DIR/db-owner-password`",
    meaning: "password given to the `northstar_owner` role when start-up creates it",
  },
  DB_APP_PASSWORD: {
    group: "app",
    shown: "random, kept in `DATA_DIR/db-app-password`",
    meaning: "password given to the `northstar_app` role when start-up creates it",
  },
  DB_WORKER_PASSWORD: {
    group: "app",
    shown: "random, kept in `DATA_DIR/db-worker-password`",
    meaning: "password given to the `northstar_worker` role when start-up creates it",
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
  SEED_DEMO_DATA: {
    group: "app",
    shown: "unset → only `npm start` on the embedded database",
    meaning:
      "`true` loads the demo districts (published password; with `NODE_ENV=production` only if `NORTHSTAR_DEMO=true`), `false` never",
  },
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
  AUTH_OIDC_DISTRICT: {
    group: "app",
    shown: "unset → SSO lets no one in",
    meaning: "slug of the one district the SSO issuer signs people in to",
  },
  AUTH_OIDC_ENTRA_TENANTS: {
    group: "app",
    shown: "unset",
    meaning: "Entra tenant ids whose addresses count as confirmed when `email_verified` is absent",
  },
  NATS_URL: {
    group: "app",
    shown: "unset → no broker",
    meaning:
      "NATS JetStream server(s), comma-separated; unset: events are published to `GET /api/v1/events` only",
  },
  NATS_USER: {
    group: "app",
    shown: "unset",
    meaning:
      "user name the relay and consumers give NATS (with `NATS_PASSWORD`): a user whose permissions fit the service, see decision 0020",
  },
  NATS_PASSWORD: { group: "app", shown: "unset", meaning: "that user's password" },
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
      'where letters are sent, e.g. `smtp://user:pass@mail.district.org:587`; unset: kept as "stored" and read at `/admin/mailbox`, except password links, which only ever leave in an e-mail (decision 0023)',
  },
  SMTP_TLS: {
    group: "app",
    shown: "`require` (`if-offered` for localhost)",
    meaning:
      "`require`: only over TLS (STARTTLS or `smtps://`), else not sent and retried; `if-offered`: STARTTLS when offered; `off`: never",
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
    meaning:
      "the address families and calendars reach the app at: opt-out links, portal notices and calendar feed addresses point here",
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
    meaning:
      "`true` declares a demo server: allows a pinned clock and the demo districts under `NODE_ENV=production`",
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
  NODE_ENV: {
    group: "app",
    shown: "set by Next",
    meaning:
      "`development` under `npm run dev` (the CSP then lets the dev server `eval`), `production` under `npm start`",
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
  BENCH_DATA_DIR: {
    group: "tests",
    shown: "`.data/bench`",
    meaning: "the benchmark's data folder (its dataset's embedded PostgreSQL, the session secret)",
  },
  BENCH_PG_PORT: {
    group: "tests",
    shown: "`54360`",
    meaning: "the benchmark's embedded PostgreSQL port",
  },
  BENCH_PORT: {
    group: "tests",
    shown: "a free port",
    meaning: "the HTTP port of the app the benchmark starts on 127.0.0.1",
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
