import { randomBytes } from "node:crypto";

/**
 * The security headers, kept apart from the Next config and the proxy so a unit test reads
 * exactly what the server sends (lib/security-headers.test.ts) and
 * docs/decisions/0013-trust-fixes.md can say what each part is for. Two callers:
 * - `proxy.ts`, on every page: a policy with a fresh nonce per request, the only way inline
 *   scripts run (Next streams its page data as inline <script> tags and puts the nonce on them);
 * - `next.config.ts → headers()`, on every response: HSTS and the rest, and a policy without a
 *   nonce for what the proxy skips (API, static files, icons, the calendar feed), where no
 *   inline script may run at all. On pages the proxy's policy replaces that one.
 */

/** Two years, subdomains included: the value the HSTS preload list asks for. */
const HSTS = "max-age=63072000; includeSubDomains";

/** The request header the proxy passes the nonce in, for a server component's own <script>. */
export const NONCE_HEADER = "x-nonce";

interface HeaderOptions {
  /** `next dev` evaluates scripts for its error overlay: only there may `eval` run. */
  dev: boolean;
  /**
   * The district's SSO issuer (AUTH_OIDC_ISSUER): the sign-in form's POST is redirected there,
   * and browsers hold form-action to every hop of a form's redirects.
   */
  oidcIssuer?: string | undefined;
}

interface PolicyOptions extends HeaderOptions {
  /** This response's nonce (newNonce()); none on responses that never run an inline script. */
  nonce?: string | undefined;
}

/** 128 bits from the system's CSPRNG, base64: a script injected into the page cannot guess it. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy. Scripts run only with this response's nonce, or when a script
 * that has it loads them ('strict-dynamic': Next's runtime loads its chunks that way); a
 * browser without 'strict-dynamic' falls back to this origin's files. No 'unsafe-inline' for
 * scripts, so an injected <script> or onclick= does not run. Styles keep 'unsafe-inline':
 * React renders `style` attributes (recharts' charts, widths of progress bars) and attributes
 * cannot carry a nonce; CSS cannot run script, and img-src/font-src/connect-src still keep
 * every request on this origin. The rest stops framing (clickjacking), plugins, a `<base>` that
 * re-points relative URLs, and forms posting elsewhere.
 */
export function contentSecurityPolicy(options: PolicyOptions): string {
  const formAction = ["'self'"];
  if (options.oidcIssuer) formAction.push(new URL(options.oidcIssuer).origin);
  const scripts = options.nonce
    ? ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"]
    : ["'self'"];
  if (options.dev) scripts.push("'unsafe-eval'");
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", scripts],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", formAction],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

export function securityHeaders(options: HeaderOptions): { key: string; value: string }[] {
  return [
    { key: "Strict-Transport-Security", value: HSTS },
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
