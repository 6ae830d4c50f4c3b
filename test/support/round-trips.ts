import { createServer, type Socket, connect as tcpConnect } from "node:net";

/** A TCP relay in front of PostgreSQL that counts the round trips its clients make. */
export interface RoundTripCounter {
  /** `url` with its host and port replaced by the relay's. */
  urlFor(url: string): string;
  /**
   * Times a client sent after the server had answered since its last send: statements sent
   * together (pipelined) count once, a statement sent after waiting for an answer once more.
   */
  readonly roundTrips: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRoundTripCounter(target: string): Promise<RoundTripCounter> {
  const { hostname, port } = new URL(target);
  let roundTrips = 0;
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const server = tcpConnect(Number(port || 5432), hostname);
    let answered = true;
    for (const socket of [client, server]) {
      // Small writes go out at once, as the client wrote them.
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        server.destroy();
      });
    }
    client.on("data", (chunk) => {
      if (answered) roundTrips += 1;
      answered = false;
      server.write(chunk);
    });
    server.on("data", (chunk) => {
      answered = true;
      client.write(chunk);
    });
    client.on("end", () => server.end());
    server.on("end", () => client.end());
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address();
  if (address === null || typeof address === "string") throw new Error("The relay has no port");
  return {
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(address.port);
      return parsed.toString();
    },
    get roundTrips() {
      return roundTrips;
    },
    reset() {
      roundTrips = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
