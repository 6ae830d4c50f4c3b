import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { contentSecurityPolicy } from "./security-headers";

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

  it("forbid framing, plugins, a foreign <base>, foreign form targets and foreign scripts", async () => {
    const csp = directives((await headersFor(PHASE_PRODUCTION_BUILD))["content-security-policy"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("let only the dev server evaluate code", async () => {
    const csp = directives((await headersFor(PHASE_DEVELOPMENT_SERVER))["content-security-policy"]);
    expect(csp["script-src"]).toContain("'unsafe-eval'");
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
