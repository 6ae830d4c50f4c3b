/**
 * A NATS JetStream server of the broker check's own, which it may stop and start again: never
 * the machine's (port 4222), which other runs use. Its stream files live under the run's folder,
 * so a restart finds what was stored before it stopped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, connect as tcpConnect } from "node:net";

const NATS_SERVER = "/usr/sbin/nats-server";

export interface PrivateNats {
  url: string;
  /** Kills the server as a crash would (SIGKILL): no goodbye to its clients. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("No free port");
  return address.port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = tcpConnect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startPrivateNats(storeDir: string): Promise<PrivateNats> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(NATS_SERVER, ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir], {
      stdio: "ignore",
    });
    await waitUntil(`nats-server on port ${port}`, () => accepts(port));
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    start,
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
}
