import { type NextRequest, NextResponse } from "next/server";
import { config as settings } from "@/lib/config";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "@/lib/security-headers";
import { PROBLEM_TYPE_BASE, pathDecodes } from "@/lib/server/problem-type";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next reads the policy from
 * the request's `Content-Security-Policy` header while it renders and puts the nonce on its own
 * scripts (the runtime, the chunks, the inline page data); the same policy goes out on the
 * response, replacing next.config's nonce-less one. A server component that writes an inline
 * script itself reads the nonce from `x-nonce` (NONCE_HEADER). Pages render per request for
 * this (app/layout.tsx calls connection()): a page built ahead would carry no nonce.
 */
export function proxy(request: NextRequest): NextResponse {
  // Next decodes a path's dynamic segments before any route runs, and answers a malformed
  // percent-escape (%ED%A0%80, half a character) with a bare 500: refuse it here as the 400 it is.
  if (!pathDecodes(request.nextUrl.pathname)) return malformedPath();
  // API routes and the calendar feed render no script: their headers are their own.
  if (NO_PAGE.test(request.nextUrl.pathname)) return NextResponse.next();
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

/** `api/` with its slash: /api-docs is a page. */
const NO_PAGE = /^\/(api|calendar)\//;

function malformedPath(): NextResponse {
  return NextResponse.json(
    {
      type: `${PROBLEM_TYPE_BASE}malformed-path`,
      title: "Bad request",
      status: 400,
      detail: "The address has a percent-escape that is not text.",
    },
    { status: 400, headers: { "content-type": "application/problem+json" } },
  );
}

/**
 * Everything but the build's static files, image optimisation, the icons and the manifest,
 * which have no dynamic segment and never render a script.
 */
export const config = {
  matcher: [
    "/((?!_next/static/|_next/image|favicon\\.ico$|icon\\.svg$|apple-icon\\.png$|manifest\\.webmanifest$).*)",
  ],
};
