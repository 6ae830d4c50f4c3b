import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { roundRobin, startProxy } from "./proxy";

describe("roundRobin", () => {
  it("takes the instances in turn and starts again after the last", () => {
    const next = roundRobin(3);
    expect(Array.from({ length: 7 }, next)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it("refuses a pool without instances", () => {
    expect(() => roundRobin(0)).toThrow(RangeError);
  });
});

describe("startProxy", () => {
  const servers: Server[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    for (const server of servers.splice(0)) {
      server.close();
      server.closeAllConnections();
    }
  });

  /** An instance that answers with its name, the request it got and the body it read. */
  async function instance(name: string): Promise<URL> {
    const server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      res.writeHead(name === "b" && req.url === "/missing" ? 404 : 200, {
        "content-type": "application/json",
        "x-instance": name,
      });
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          url: req.url,
          key: req.headers["idempotency-key"],
          body,
        }),
      );
    });
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    return new URL(`http://127.0.0.1:${address.port}`);
  }

  it("spreads requests over the instances in turn, passing method, path, headers and body", async () => {
    const proxy = await startProxy([await instance("a"), await instance("b")], 0);
    closers.push(proxy.close);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.url}/api/v1/x?i=${i}`, {
        method: "POST",
        headers: { "idempotency-key": `key-${i}` },
        body: `body ${i}`,
      });
      answers.push(await response.json());
    }
    expect(answers).toEqual([
      { name: "a", method: "POST", url: "/api/v1/x?i=0", key: "key-0", body: "body 0" },
      { name: "b", method: "POST", url: "/api/v1/x?i=1", key: "key-1", body: "body 1" },
      { name: "a", method: "POST", url: "/api/v1/x?i=2", key: "key-2", body: "body 2" },
      { name: "b", method: "POST", url: "/api/v1/x?i=3", key: "key-3", body: "body 3" },
    ]);
    expect(proxy.forwarded()).toEqual([2, 2]);
  });

  it("passes the instance's status and headers on", async () => {
    const proxy = await startProxy([await instance("b")], 0);
    closers.push(proxy.close);
    const response = await fetch(`${proxy.url}/missing`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-instance")).toBe("b");
  });

  it("answers 502 when an instance is down", async () => {
    const down = await instance("gone");
    const server = servers.pop();
    server?.close();
    if (server) await once(server, "close");
    const proxy = await startProxy([down], 0);
    closers.push(proxy.close);
    const response = await fetch(`${proxy.url}/`);
    expect(response.status).toBe(502);
  });
});
