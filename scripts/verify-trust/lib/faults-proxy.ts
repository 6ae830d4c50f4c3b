/**
 * A TCP proxy between the app's database client and PostgreSQL that can reset a connection in
 * the middle of a write transaction (issue 14, "Prove": the fault check). It forwards bytes both
 * ways and, when armed, cuts the next transaction either at a chosen byte of what the client
 * sends (the server then holds half a transaction) or after the COMMIT has reached the server
 * but before its answer reaches the client (the write is done, the client cannot know).
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { FrontendStream, TransactionTracker } from "./faults-framing";

export type CutPlan =
  /** Cut after this many bytes of the transaction, counted from the first byte of its BEGIN. */
  | { kind: "request"; afterBytes: number }
  /** Forward the COMMIT whole, then reset when the server answers, before the client hears it. */
  | { kind: "reply" };

export interface FaultProxy {
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  /** Cuts the next transaction a connection starts, once. */
  arm(plan: CutPlan): void;
  /** Connections reset so far. */
  readonly cuts: number;
  /** Client bytes of the last transaction that committed through the proxy, BEGIN to COMMIT. */
  readonly lastTransactionBytes: number | null;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let armed: CutPlan | null = null;
  let cuts = 0;
  let lastTransactionBytes: number | null = null;
  const sockets = new Set<Socket>();

  const relayConnection = (client: Socket) => {
    const server = tcpConnect(target.port, target.host);
    for (const socket of [client, server]) {
      // Small writes go out at once: Nagle's wait against delayed ACKs would stall each query.
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());

    const stream = new FrontendStream();
    const tracker = new TransactionTracker();
    let plan: CutPlan | null = null;
    let withholdReply = false;
    let cut = false;
    const reset = () => {
      if (cut) return;
      cut = true;
      cuts += 1;
      client.resetAndDestroy();
      server.resetAndDestroy();
    };

    client.on("data", (chunk: Buffer) => {
      if (cut) return;
      // What a chunk completes goes on in one write, as it came.
      const forward: Buffer[] = [];
      for (const message of stream.push(chunk)) {
        const wasInside = tracker.begin !== null;
        const committedLength = tracker.see(message);
        if (!wasInside && tracker.begin !== null && armed) {
          plan = armed;
          armed = null;
        }
        const end = message.start + message.bytes.length;
        const begin = tracker.begin ?? (committedLength !== null ? end - committedLength : null);
        if (plan?.kind === "request" && begin !== null && begin + plan.afterBytes < end) {
          forward.push(message.bytes.subarray(0, begin + plan.afterBytes - message.start));
          server.write(Buffer.concat(forward), reset);
          return;
        }
        forward.push(message.bytes);
        if (committedLength !== null) {
          lastTransactionBytes = committedLength;
          if (plan?.kind === "reply") withholdReply = true;
          plan = null;
        }
      }
      if (forward.length > 0) server.write(Buffer.concat(forward));
    });
    server.on("data", (chunk: Buffer) => {
      if (cut) return;
      if (withholdReply) reset();
      else client.write(chunk);
    });
  };

  const proxy: Server = createServer(relayConnection);
  await new Promise<void>((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(0, "127.0.0.1", resolve);
  });
  const address = proxy.address();
  if (!address || typeof address === "string") throw new Error("The fault proxy has no port");

  return {
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(address.port);
      return parsed.toString();
    },
    arm(plan) {
      armed = plan;
    },
    get cuts() {
      return cuts;
    },
    get lastTransactionBytes() {
      return lastTransactionBytes;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** Host and port of a postgres:// URL (a socket path is not proxied). */
export function targetOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || 5432) };
}
