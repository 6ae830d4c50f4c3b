/**
 * The headers every response carries (next.config.ts → headers()). Kept here, apart from the
 * Next config, so a unit test reads exactly what the server sends (lib/security-headers.test.ts)
 * and docs/decisions/0013-trust-fixes.md can say what each part is for.
 */

/** Two years, subdomains included: the value the HSTS preload list asks for. */
const HSTS = "max-age=63072000; includeSubDomains";

interface HeaderOptions {
  /** `next dev` evaluates scripts for its error overlay: only there may `eval` run. */
  dev: boolean;
  /**
   * The district's SSO issuer (AUTH_OIDC_ISSUER): the sign-in form's POST is redirected there,
   * and browsers hold form-action to every hop of a form's redirects.
   */
  oidcIssuer?: string | undefined;
}

/**
 * The Content-Security-Policy. Scripts and styles may only come from this origin, but inline
 * ones are still allowed: Next's App Router streams its page data as inline <script> tags, and
 * those can only be told apart from an injected script with a per-request nonce, set by a
 * proxy (middleware) on every page — not done yet (decision 0013). What is in force stops
 * framing (clickjacking), plugins, a `<base>` that re-points relative URLs, forms posting
 * elsewhere, and scripts, fetches, images and fonts from any other origin.
 */
export function contentSecurityPolicy(options: HeaderOptions): string {
  const formAction = ["'self'"];
  if (options.oidcIssuer) formAction.push(new URL(options.oidcIssuer).origin);
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])]],
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
