/**
 * The shape every check of `npm run verify:trust` shares (issue 14, "Prove"): the runner
 * (scripts/verify-trust/index.ts) starts what the checks need, runs each module of
 * scripts/verify-trust/checks/ and prints their rows as one table.
 */

/** What the runner hands every check: a running build and the database roles behind it. */
export interface TrustEnvironment {
  /** The running app, e.g. http://127.0.0.1:3300 (a production build, `next start`). */
  baseUrl: string;
  /** The roles of the app's database (docs/decisions/0003-database-roles-and-provisioning.md). */
  appDatabaseUrl: string;
  ownerDatabaseUrl: string;
  /** A role that may create databases and roles, when the run has one. */
  adminDatabaseUrl: string | null;
  /** The NATS server the app's relay publishes to. */
  natsUrl: string;
  /** A folder of the run's own for files (dumps, logs). */
  workDir: string;
  /** The build the server runs (NEXT_DIST_DIR, `.next` unless set): its manifests list the routes. */
  distDir?: string;
}

export interface TrustRunOptions {
  /** The full run (`npm run verify:trust`); false for CI's short one (`-- --short`). */
  full: boolean;
}

/** One line of the printed table. `ok` is false when the figure shows a failure. */
export interface TrustRow {
  area: string;
  check: string;
  figure: string;
  ok: boolean;
}

export interface TrustCheck {
  name: string;
  run(environment: TrustEnvironment, options: TrustRunOptions): Promise<TrustRow[]>;
}
