import { sql } from "drizzle-orm";
import type { Tx } from "../client";

export interface QueueCounts {
  queue: string;
  waiting: number;
  running: number;
  done: number;
  failed: number;
  retried: number;
  lastDone: Date | null;
}

export interface RecentJob {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** Only for a job that names the reader's own district (drizzle/0007_job_overview.sql). */
  error: string | null;
}

const asDate = (value: unknown) => (value ? new Date(value as string) : null);

/** The job runner's queues, counted by state (through a function: the app role cannot read them). */
export async function jobQueueCounts(tx: Tx): Promise<QueueCounts[]> {
  const rows = await tx.execute<Record<string, unknown>>(
    sql`select * from intervention.job_queue_counts()`,
  );
  return rows.map((row) => ({
    queue: String(row.queue),
    waiting: Number(row.waiting),
    running: Number(row.running),
    done: Number(row.done),
    failed: Number(row.failed),
    retried: Number(row.retried),
    lastDone: asDate(row.last_done),
  }));
}

/** The newest jobs that are waiting, running, failed or were retried, newest first. */
export async function recentNotableJobs(tx: Tx, limit: number): Promise<RecentJob[]> {
  const rows = await tx.execute<Record<string, unknown>>(
    sql`select * from intervention.recent_jobs(${limit}::int)`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    queue: String(row.queue),
    state: String(row.state),
    retryCount: Number(row.retry_count),
    retryLimit: Number(row.retry_limit),
    createdOn: asDate(row.created_on)!,
    startedOn: asDate(row.started_on),
    completedOn: asDate(row.completed_on),
    error: row.error === null ? null : String(row.error),
  }));
}
