import { NextRequest, NextResponse } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { TooManyRequestsError } from "@/lib/domain/security/too-many-requests";
import { z } from "@/lib/domain/zod";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { apiRoute, publicRoute } from "./route";
import { readForm, readJson } from "./route-input";

const FORM = "application/x-www-form-urlencoded";

vi.mock("server-only", () => ({}));

/** A person at a browser (session cookie) or a token (bearer): who the wrapper is told it is. */
const person = { userId: "u-1", tenantId: "t-1", role: "specialist" };
const token = { ...person, role: "admin", apiToken: { id: "k-1", name: "SIS sync" } };

vi.mock("./actor", () => ({
  requestActor: async (request: Request) => {
    const authorization = request.headers.get("authorization");
    // A client paused for bad tokens (../use-cases/tokens/throttled-token.ts).
    if (authorization === "Bearer paused") throw new TooManyRequestsError(120, "Paused.");
    return { actor: authorization ? token : person, check: null };
  },
  runChecked: (
    resolved: { actor: unknown },
    attempt: (actor: unknown, check: null) => Promise<unknown>,
  ) => attempt(resolved.actor, null),
  contextFor: (actor: unknown, requestId: string) => ({ actor, requestId }),
}));

const APP = "http://northstar.test";
let seen: UseCaseContext[] = [];

const route = apiRoute(async ({ ctx }) => {
  seen.push(ctx);
  return NextResponse.json({ ok: true });
});
const upload = apiRoute(async () => NextResponse.json({ ok: true }), {
  accepts: "multipart/form-data",
});

function call(
  handler: typeof route,
  method: string,
  headers: Record<string, string> = {},
  body: string | undefined = method === "GET" ? undefined : "{}",
) {
  const request = new NextRequest(`${APP}/api/v1/things`, { method, headers, body });
  return handler(request, { params: Promise.resolve({} as Record<string, never>) });
}

const JSON_BODY = { "content-type": "application/json" };

beforeEach(() => {
  seen = [];
});

describe("writes that ride on the session cookie", () => {
  it("are refused, 415 problem+json, unless the body is declared JSON", async () => {
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const response = await call(route, method, { "content-type": contentType });
        expect(response.status).toBe(415);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    const none = await call(route, "POST", {});
    expect(none.status).toBe(415);
    expect(seen).toEqual([]);
    expect(
      (await call(route, "POST", { "content-type": "application/json; charset=utf-8" })).status,
    ).toBe(200);
  });

  it("are refused, 403 problem+json, when the browser says another site sent them", async () => {
    for (const origin of ["https://evil.example", "null", "http://northstar.test.evil.example"]) {
      const response = await call(route, "POST", { ...JSON_BODY, origin });
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(seen).toEqual([]);
    expect((await call(route, "POST", { ...JSON_BODY, origin: APP })).status).toBe(200);
    expect((await call(route, "POST", JSON_BODY)).status).toBe(200);
  });

  it("take the body type an upload route reads, and reads take any", async () => {
    expect(
      (await call(upload, "POST", { "content-type": "multipart/form-data; boundary=x" })).status,
    ).toBe(200);
    expect((await call(upload, "POST", JSON_BODY)).status).toBe(415);
    expect(
      (await call(route, "GET", { "content-type": "text/plain", origin: "https://evil.example" }))
        .status,
    ).toBe(200);
  });

  it("do not concern bearer tokens, which no browser sends on its own", async () => {
    const response = await call(route, "POST", {
      authorization: "Bearer nst_x",
      "content-type": "text/plain",
      origin: "https://evil.example",
    });
    expect(response.status).toBe(200);
  });
});

describe("every API response", () => {
  it("tells browsers and proxies not to store it, refusals included", async () => {
    expect((await call(route, "GET")).headers.get("cache-control")).toBe("no-store");
    expect((await call(route, "POST", {})).headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a client's request id only when it is a UUID or a short safe token", async () => {
    const id = "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11";
    await call(route, "GET", { "x-request-id": id });
    await call(route, "GET", { "x-request-id": "sis-sync-000123" });
    await call(route, "GET", { "x-request-id": "approved by the principal; no concerns" });
    await call(route, "GET", { "x-request-id": "api-token:forged" });
    const [uuid, safe, prose, forged] = seen.map((ctx) => ctx.requestId);
    expect([uuid, safe]).toEqual([id, "sis-sync-000123"]);
    expect(isUuid(prose)).toBe(true);
    expect(isUuid(forged)).toBe(true);
    const echoed = await call(route, "GET", { "x-request-id": "a b" });
    expect(isUuid(echoed.headers.get("x-request-id"))).toBe(true);
  });

  it("says when a paused client may try again: 429 problem+json with Retry-After", async () => {
    const response = await call(route, "GET", { authorization: "Bearer paused" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 429, retryAfter: 120 });
  });

  it("but the public OpenAPI document may be cached", async () => {
    const open = publicRoute(async () =>
      NextResponse.json({}, { headers: { "cache-control": "public, max-age=300" } }),
    );
    const response = await open(new NextRequest(`${APP}/api/v1/openapi.json`), {
      params: Promise.resolve({} as Record<string, never>),
    });
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
  });
});

describe("a form body", () => {
  const schema = z.object({ reason: z.string().min(1) });
  const post = (body: string, type: string) =>
    new NextRequest("http://localhost/api/form", {
      method: "POST",
      body,
      headers: { "content-type": type },
    });

  it("is read field by field and checked against its schema", async () => {
    await expect(readForm(post("reason=audit", FORM), schema)).resolves.toEqual({
      reason: "audit",
    });
  });

  it("that is not a form is a 400 with the body named, never a server error", async () => {
    // A bearer token skips the cookie's body-type check, so JSON can reach a form's target.
    const refused = readForm(post('{"reason":"audit"}', "application/json"), schema);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ errors: [{ path: "(body)" }] });
  });
});

describe("a JSON body", () => {
  const schema = z.object({ note: z.string() });

  it("past a megabyte is refused as it streams, whatever Content-Length said", async () => {
    const chunk = new TextEncoder().encode(`{"note":"${"x".repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MB in all, while the header claims 10 bytes.
        if (sent >= 32) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const request = new NextRequest("http://localhost/api/json", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "content-length": "10" },
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    await expect(readJson(request, schema)).rejects.toMatchObject({ status: 413 });
    // The cap stopped the reading: far fewer chunks were pulled than the 2 MB the client had.
    expect(sent).toBeLessThan(32);
  });
});
