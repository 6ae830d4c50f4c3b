/**
 * One port in front of several app instances, as a district's load balancer would be: each
 * request goes to the next instance in turn (round robin), method, path, headers and body as
 * sent. Small on purpose: the two-instance benchmark needs the split, not a production proxy.
 */

import { once } from "node:events";
import { Agent, createServer, request } from "node:http";

/** The instance of each request: 0, 1, …, n − 1, 0, … */
export function roundRobin(instances: number): () => number {
  if (!Number.isInteger(instances) || instances < 1) {
    throw new RangeError(`Round robin needs at least one instance, got ${instances}`);
  }
  let next = 0;
  return () => {
    const chosen = next;
    next = (next + 1) % instances;
    return chosen;
  };
}

export interface RunningProxy {
  url: string;
  /** Requests handed to each upstream so far, in the order given. */
  forwarded: () => number[];
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0: any free port) and spreads requests over `upstreams`. */
export async function startProxy(upstreams: readonly URL[], port: number): Promise<RunningProxy> {
  const pick = roundRobin(upstreams.length);
  const counts = upstreams.map(() => 0);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((incoming, outgoing) => {
    const index = pick();
    const upstream = upstreams[index] as URL;
    counts[index] = (counts[index] ?? 0) + 1;
    const forward = request(
      {
        agent,
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end("Bad gateway: the instance did not answer");
    });
    incoming.pipe(forward);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    forwarded: () => [...counts],
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
      agent.destroy();
    },
  };
}
