import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, newNonce } from "./security-headers";

/** The headers Next sends on every path, as the config gives them for a phase. */
async function headersFor(phase: string): Promise<Record<string, string>> {
  const rules = (await nextConfig(phase).headers?.()) ?? [];
  const all = rules.find((rule) => rule.source === "/:path*");
  return Object.fromEntries((all?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
}

const directives = (csp: string | undefined) =>
  Object.fromEntries(
    (csp ?? "").split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe("security headers on every page and response", () => {
  it("ask for HTTPS for two years, subdomains included", async () => {
    expect((await headersFor(PHASE_PRODUCTION_BUILD))["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("forbid framing, plugins, a foreign <base>, foreign form targets and any inline script", async () => {
    const csp = directives((await headersFor(PHASE_PRODUCTION_BUILD))["content-security-policy"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    // API responses, static files and icons: nothing inline runs there, nonce or not.
    expect(csp["script-src"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("let only the dev server evaluate code", async () => {
    const csp = directives((await headersFor(PHASE_DEVELOPMENT_SERVER))["content-security-policy"]);
    expect(csp["script-src"]).toContain("'unsafe-eval'");
  });
});

describe("a page's policy (proxy.ts)", () => {
  const nonce = newNonce();
  const page = directives(contentSecurityPolicy({ dev: false, nonce }));

  it("runs only the scripts that carry this response's nonce, and what they load", () => {
    expect(page["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(page["script-src"]).not.toContain("'unsafe-inline'");
    expect(page["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("keeps every other directive of the policy without a nonce", () => {
    const plain = directives(contentSecurityPolicy({ dev: false }));
    const { "script-src": _page, ...pageRest } = page;
    const { "script-src": _plain, ...plainRest } = plain;
    expect(pageRest).toEqual(plainRest);
    expect(page["frame-ancestors"]).toEqual(["'none'"]);
    expect(page["object-src"]).toEqual(["'none'"]);
  });

  it("allows eval under next dev only, still without inline scripts", () => {
    const dev = directives(contentSecurityPolicy({ dev: true, nonce }));
    expect(dev["script-src"]).toEqual([
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  it("uses a new unguessable nonce each time, in the characters a nonce-source allows", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const value of nonces) {
      expect(value).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      expect(Buffer.from(value, "base64")).toHaveLength(16);
    }
  });

  it("let the sign-in form go on to the district's SSO issuer, and nowhere else", () => {
    const csp = directives(
      contentSecurityPolicy({
        dev: false,
        oidcIssuer: "https://login.microsoftonline.com/0b7c4a4e/v2.0",
      }),
    );
    expect(csp["form-action"]).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });
});

describe("the proxy in front of every page", () => {
  /** What the proxy hands on: the response's policy and the headers the render will read. */
  function through(headers: Record<string, string> = {}) {
    const response = proxy(new NextRequest("http://127.0.0.1/dashboard", { headers }));
    const policy = response.headers.get("content-security-policy") ?? "";
    return {
      policy,
      nonce: /'nonce-([^']+)'/.exec(policy)?.[1],
      // Next passes a proxy's request headers on as x-middleware-request-<name>.
      renderNonce: response.headers.get("x-middleware-request-x-nonce"),
      renderPolicy: response.headers.get("x-middleware-request-content-security-policy"),
    };
  }

  it("gives the response and the render the same policy, with a nonce of its own", () => {
    const first = through();
    expect(first.nonce).toBeDefined();
    expect(first.renderNonce).toBe(first.nonce);
    expect(first.renderPolicy).toBe(first.policy);
    expect(through().nonce).not.toBe(first.nonce);
  });

  it("never lets a client choose the nonce or the policy the page renders with", () => {
    const sent = through({
      "x-nonce": "chosen-by-the-client",
      "content-security-policy": "script-src 'unsafe-inline'",
    });
    expect(sent.renderNonce).not.toBe("chosen-by-the-client");
    expect(sent.renderPolicy).toBe(sent.policy);
    expect(directives(sent.policy)["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("refuses an address whose percent-escapes are not text with a 400 problem, not Next's 500", async () => {
    const response = proxy(new NextRequest("http://127.0.0.1/api/v1/resources/%ED%A0%80"));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 400, title: "Bad request" });
  });

  it("passes API routes and the calendar feed on without a page's nonce", () => {
    for (const path of ["/api/v1/students", "/calendar/abc.ics"]) {
      const response = proxy(new NextRequest(`http://127.0.0.1${path}`));
      expect(response.headers.get("content-security-policy")).toBeNull();
      expect(response.headers.get("x-middleware-request-x-nonce")).toBeNull();
    }
    expect(through().nonce).toBeDefined();
  });
});
