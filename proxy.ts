import { type NextRequest, NextResponse } from "next/server";
import { config as settings } from "@/lib/config";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "@/lib/security-headers";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next reads the policy from
 * the request's `Content-Security-Policy` header while it renders and puts the nonce on its own
 * scripts (the runtime, the chunks, the inline page data); the same policy goes out on the
 * response, replacing next.config's nonce-less one. A server component that writes an inline
 * script itself reads the nonce from `x-nonce` (NONCE_HEADER). Pages render per request for
 * this (app/layout.tsx calls connection()): a page built ahead would carry no nonce.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    dev: settings().NODE_ENV === "development",
    oidcIssuer: settings().AUTH_OIDC_ISSUER,
    nonce,
  });
  // Set, not appended: a client's own x-nonce or policy header never reaches the render.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * Pages only. API routes (their headers come from next.config.ts and lib/server/route.ts), the
 * build's static files, image optimisation, the icons, the manifest and the calendar feed never
 * render a script and do not pay for the proxy. `api/` with its slash: /api-docs is a page.
 */
export const config = {
  matcher: [
    "/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$|apple-icon\\.png$|manifest\\.webmanifest$|calendar/).*)",
  ],
};
