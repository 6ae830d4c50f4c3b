import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle, type Tx } from "@/db/client";
import { communications } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { jobOverview } from "@/lib/use-cases/jobs/job-overview";
import { PASSWORD_LINK_KIND } from "@/lib/use-cases/users/queue-password-link";
import { requestPasswordLink } from "@/lib/use-cases/users/request-password-link";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { mailDeliveryJob } from "../mail/delivery-job";
import { mailerFromUrl } from "../mail/mailer";
import type { RunningWorker } from "../workers";
import type { JobDefinition } from "./definition";
import { JOB_SCHEMA, jobRunnerStarter } from "./runner";

const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
const started: RunningWorker[] = [];
let app: DatabaseHandle;
let mapleAdmin: Actor;
let cedarAdmin: Actor;

async function runners(count: number, definitions: () => JobDefinition[]) {
  const start = jobRunnerStarter(definitions);
  const list = await Promise.all(
    Array.from({ length: count }, () => start({ workerUrl: inject("workerUrl"), log: () => {} })),
  );
  started.push(...list);
  return list;
}

async function stopAll() {
  await Promise.all(started.splice(0).map((runner) => runner.stop()));
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error("Timed out waiting for the job runner");
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 2 });
  mapleAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(async () => {
  await stopAll();
  await app.close();
});

describe("the job runner", () => {
  it("runs a ticking job one at a time, however many runners tick it", async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const slow: JobDefinition = {
      kind: { name: "test-one-at-a-time", description: "longer than its tick", when: "tick" },
      queue: { policy: "stately", retryLimit: 0 },
      everyMs: () => 100,
      async handle() {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(300);
        running -= 1;
        runs += 1;
      },
    };
    await runners(2, () => [slow]);
    await until(() => runs >= 3);
    await stopAll();
    expect(mostAtOnce).toBe(1);
  });

  it("retries a failing job, and shows admins what failed, the error only to its own district", async () => {
    let attempts = 0;
    const flaky: JobDefinition = {
      kind: { name: "test-flaky", description: "fails once", when: "on demand" },
      queue: { policy: "standard", retryLimit: 1, retryDelay: 1 },
      async handle() {
        attempts += 1;
        if (attempts === 1) throw new Error("first try refused");
      },
    };
    const broken: JobDefinition = {
      kind: { name: "test-broken", description: "always fails", when: "on demand" },
      queue: { policy: "standard", retryLimit: 0 },
      async handle() {
        throw new Error("mail server said no for Cedar Ridge");
      },
    };
    await runners(1, () => [flaky, broken]);
    const sender = new PgBoss({
      connectionString: inject("workerUrl"),
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    await sender.start();
    await sender.send("test-flaky", { tenantId: mapleAdmin.tenantId });
    const brokenId = await sender.send("test-broken", { tenantId: cedarAdmin.tenantId });
    await sender.stop({ graceful: false });
    await until(async () => {
      const { recent } = await jobOverview(contextOf(app.db, mapleAdmin));
      // Both jobs settled: the broken one failed, the flaky one's second try recorded as done.
      return (
        recent.some((j) => j.id === brokenId && j.state === "failed") &&
        recent.some((j) => j.queue === "test-flaky" && j.state === "completed")
      );
    });

    const forMaple = await jobOverview(contextOf(app.db, mapleAdmin));
    const retried = forMaple.recent.find((j) => j.queue === "test-flaky");
    expect(retried).toMatchObject({ state: "completed", retryCount: 1 });
    expect(forMaple.recent.find((j) => j.id === brokenId)).toMatchObject({
      state: "failed",
      error: null,
    });
    // Every kind the runner knows is listed, even before it ran.
    expect(forMaple.queues.map((q) => q.kind.name)).toEqual(
      expect.arrayContaining(["mail-delivery", "forget-idempotency-keys"]),
    );
    const forCedar = await jobOverview(contextOf(app.db, cedarAdmin));
    expect(forCedar.recent.find((j) => j.id === brokenId)?.error).toContain("said no");
    // Other roles never see the jobs.
    const teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
    await expect(jobOverview(contextOf(app.db, teacher))).rejects.toThrow(/district admins/);
  });

  it("delivers queued mail to a real SMTP server", async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { port } = smtp.server.address() as { port: number };
    const mailer = mailerFromUrl(`smtp://127.0.0.1:${port}`);
    try {
      const email = DEMO_ACCOUNTS.cedarAdmin;
      // This test's link only: other suites leave mail to this admin in the shared database (the
      // audit anchors' daily message, links of their own).
      const linksToAdmin = (tx: Tx) =>
        tx
          .select({ id: communications.id, status: communications.status })
          .from(communications)
          .where(
            and(eq(communications.toAddress, email), eq(communications.kind, PASSWORD_LINK_KIND)),
          );
      const earlier = new Set(
        (await withTenant(app.db, cedarAdmin, linksToAdmin)).map((message) => message.id),
      );
      await requestPasswordLink(
        { db: app.db, now, requestId: "job-runner-test", secret: SECRET },
        email,
      );
      await runners(2, () => [mailDeliveryJob(mailer)]);
      const statuses = async () =>
        (await withTenant(app.db, cedarAdmin, linksToAdmin))
          .filter((message) => !earlier.has(message.id))
          .map(({ status }) => ({ status }));
      // The round records "sent" when its transaction commits, just after the SMTP answer.
      await until(async () => (await statuses()).some((m) => m.status === "sent"));
      expect(await statuses()).toEqual([{ status: "sent" }]);
      expect(received.filter((to) => to === email)).toHaveLength(1);
    } finally {
      await stopAll();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
