import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AckPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, waitFor } from "@/test/support/nats";
import { connectNats, ensureStream } from "../nats/connection";

/**
 * The per-district publish permissions of docs/examples/nats-inbound-permissions.conf, on a
 * nats-server of its own started from that very file (the binary CI runs, .ci/run): a
 * district's publisher reaches its own district's subjects and no other's, and the service
 * signs in as its user (NATS_USER / NATS_PASSWORD) to manage its stream and consume.
 */

const CONFIG = "docs/examples/nats-inbound-permissions.conf";
const MAPLE = "0b7c2a10-4e8d-4f3a-9c21-5d6e7f809a1b";
const CEDAR = "9d4e1f20-7a3b-4c5d-8e6f-0a1b2c3d4e5f";
const SERVICE = { user: "northstar-interventions", pass: "change-me-northstar-interventions" };

let server: ChildProcess;
let storeDir: string;
let url: string;
let service: NatsConnection;
let maple: NatsConnection;

beforeAll(async () => {
  const port = await closedPort();
  url = `127.0.0.1:${port}`;
  storeDir = mkdtempSync(path.join(tmpdir(), "northstar-nats-"));
  server = spawn(
    "nats-server",
    ["-c", CONFIG, "-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir],
    { stdio: "ignore" },
  );
  service = await waitFor("the server to take the service's user", () =>
    connectNats(url, "northstar-permissions-test", SERVICE).catch(() => null),
  );
  maple = await connect({
    servers: url,
    user: "maple-grove-publisher",
    pass: "change-me-maple-grove",
  });
  await ensureStream(await jetstreamManager(service), {
    name: "DISTRICT_EVENTS",
    subjects: ["northstar.students.>", "northstar.assessments.>", "northstar.staff.>"],
    duplicateWindowMs: 60_000,
  });
});

afterAll(async () => {
  await maple?.close();
  await service?.close();
  server?.kill();
  rmSync(storeDir, { recursive: true, force: true });
});

describe("per-district publish permissions", () => {
  it("let a district's publisher publish its own district's events, which the service consumes", async () => {
    const ack = await jetstream(maple).publish(
      `northstar.staff.${MAPLE}.StaffUpdatedEvent`,
      JSON.stringify({ sourceId: "hr-1" }),
    );
    expect(ack.stream).toBe("DISTRICT_EVENTS");
    const jsm = await jetstreamManager(service);
    await jsm.consumers.add("DISTRICT_EVENTS", {
      durable_name: "staff",
      ack_policy: AckPolicy.Explicit,
    });
    const consumer = await jetstream(service).consumers.get("DISTRICT_EVENTS", "staff");
    const message = await consumer.next({ expires: 5_000 });
    expect(message?.subject).toBe(`northstar.staff.${MAPLE}.StaffUpdatedEvent`);
    expect(await message?.ackAck()).toBe(true);
  });

  it.each([
    ["another district's subject", `northstar.staff.${CEDAR}.StaffUpdatedEvent`],
    ["an event type it does not send", `northstar.students.${MAPLE}.StaffUpdatedEvent`],
    ["the service's own events", `northstar.interventions.${MAPLE}.InterventionCreatedEvent`],
  ])("refuse a district's publisher %s", async (_what, subject) => {
    await expect(jetstream(maple).publish(subject, "{}", { timeout: 3_000 })).rejects.toThrow(
      /Permissions Violation for Publish/,
    );
  });

  it("refuse a connection without a user", async () => {
    await expect(connect({ servers: url, reconnect: false })).rejects.toThrow(/Authorization/);
  });
});
