import type { Queue } from "pg-boss";
import type { Database } from "@/db/client";
import type { JobKind } from "@/lib/domain/jobs/catalog";

/** What a job's handler is given: the worker role's database (it reaches districts via withTenant). */
export interface JobDeps {
  db: Database;
  log: (message: string) => void;
}

/**
 * One kind of background job on the job runner (pg-boss, docs/decisions/0011-one-job-runner.md).
 * A job is started by a cron schedule, by a tick every `everyMs` (the queue's policy keeps a
 * single waiting job however many runners tick), or by a `send` from other code.
 */
export interface JobDefinition<Data extends object = object> {
  /** Its queue's name and what the admin's job page says of it (lib/domain/jobs/catalog.ts). */
  kind: JobKind;
  queue: Omit<Queue, "name">;
  /** A cron expression, in the time zone given (UTC unless said). */
  cron?: { expression: string; tz?: string };
  everyMs?: () => number;
  handle: (deps: JobDeps, data: Data) => Promise<void>;
  /** Releases what the definition holds (e.g. an SMTP connection) when the runner stops. */
  close?: () => void;
}
