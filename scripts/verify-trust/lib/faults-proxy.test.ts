import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type CutPlan, startFaultProxy } from "./faults-proxy";

const cstr = (text: string) => Buffer.from(`${text}\0`, "utf8");
function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const startup = (() => {
  const body = Buffer.concat([cstr("user"), cstr("app"), cstr("")]);
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, body]);
})();
const query = (sql: string) => typed("Q", cstr(sql));
const transaction = [query("begin"), query("insert into t values (1)"), query("commit")];
const transactionBytes = transaction.reduce((n, b) => n + b.length, 0);

/** A stand-in server that keeps what it receives and answers each query with one byte. */
async function recordingServer() {
  const received: Buffer[] = [];
  const server: Server = createServer((socket) => {
    socket.on("data", (chunk) => {
      received.push(chunk);
      socket.write("Z");
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { port: address.port, received, close: () => server.close() };
}

/** Sends start-up then the transaction a query at a time, as a client waiting for answers. */
async function client(port: number): Promise<{ replies: number; reset: boolean }> {
  const socket: Socket = tcpConnect(port, "127.0.0.1");
  let replies = 0;
  let reset = false;
  let waiting: (() => void) | null = null;
  socket.on("data", () => {
    replies += 1;
    waiting?.();
  });
  const closed = new Promise<void>((resolve) => {
    socket.on("error", () => {
      reset = true;
    });
    socket.on("close", () => {
      waiting?.();
      resolve();
    });
  });
  socket.write(startup);
  for (const message of transaction) {
    if (socket.destroyed) break;
    await new Promise<void>((resolve) => {
      waiting = resolve;
      socket.write(message);
    });
  }
  socket.end();
  await closed;
  return { replies, reset };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function through(plan: CutPlan | null) {
  const server = await recordingServer();
  const proxy = await startFaultProxy({ host: "127.0.0.1", port: server.port });
  cleanups.push(server.close, proxy.close);
  if (plan) proxy.arm(plan);
  const port = Number(new URL(proxy.urlFor("postgres://x@127.0.0.1:1/db")).port);
  const result = await client(port);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const bytes = Buffer.concat(server.received).length - startup.length;
  return { ...result, bytes, cuts: proxy.cuts, measured: proxy.lastTransactionBytes };
}

describe("startFaultProxy", () => {
  it("forwards a transaction untouched and measures it", async () => {
    expect(await through(null)).toMatchObject({
      bytes: transactionBytes,
      cuts: 0,
      measured: transactionBytes,
      reset: false,
    });
  });

  it("cuts the transaction at the chosen byte and resets the client", async () => {
    for (const afterBytes of [0, 3, transaction[0]!.length + 7]) {
      const result = await through({ kind: "request", afterBytes });
      expect(result).toMatchObject({ bytes: afterBytes, cuts: 1, reset: true });
    }
  });

  it("lets the COMMIT through whole and keeps its answer from the client", async () => {
    const result = await through({ kind: "reply" });
    expect(result).toMatchObject({ bytes: transactionBytes, cuts: 1, reset: true });
    expect(result.replies).toBe(transaction.length - 1);
  });
});
