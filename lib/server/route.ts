import "server-only";
import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { config } from "@/lib/config";
import { DomainError, ForbiddenError, UnauthenticatedError } from "@/lib/domain/errors";
import { acceptedRequestId } from "@/lib/domain/security/request-id";
import { TooManyRequestsError } from "@/lib/domain/security/too-many-requests";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { API_TOKEN_REQUEST, isTokenActor } from "@/lib/use-cases/tokens/authenticate-token";
import { contextFor, requestActor, runChecked } from "./actor";
import { PROBLEM_TYPE_BASE } from "./problem-type";

/** A write whose body is not of a type the route reads (HTTP's concern, so not in the domain). */
class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly title = "Unsupported media type";
  constructor(accepted: string) {
    super(
      `Send the body as ${accepted}, with a Content-Type header that says so.`,
      "unsupported-media-type",
    );
  }
}

/** RFC 9457 problem details for a domain error; anything else is a logged 500. */
export function problemResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof DomainError) {
    const body: Record<string, unknown> = {
      ...error.extensions,
      type: `${PROBLEM_TYPE_BASE}${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      requestId,
    };
    if ("errors" in error && Array.isArray(error.errors) && error.errors.length > 0) {
      body.errors = error.errors;
    }
    const headers: Record<string, string> = { "content-type": "application/problem+json" };
    if (error instanceof UnauthenticatedError)
      headers["www-authenticate"] = 'Bearer realm="northstar"';
    if (error instanceof TooManyRequestsError)
      headers["retry-after"] = String(error.retryAfterSeconds);
    return NextResponse.json(body, { status: error.status, headers });
  }
  console.error(`[${requestId}]`, error);
  return NextResponse.json(
    {
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "Something went wrong on our side. Nothing was saved; please try again.",
      requestId,
    },
    { status: 500, headers: { "content-type": "application/problem+json" } },
  );
}

export interface RouteContext<P> {
  ctx: UseCaseContext;
  params: P;
  request: NextRequest;
}

type Segment<P> = { params: Promise<P> };

/**
 * Request id, problem+json for failures, and the id echoed on the response. A client's own
 * `x-request-id` is kept only when it is a UUID or a short safe token: it becomes the audit
 * rows' request id, and a client may not write text of its choosing there
 * (lib/domain/security/request-id.ts). `noStore` marks responses that may carry student data.
 */
function handled<P>(
  run: (request: NextRequest, params: P, requestId: string) => Promise<Response>,
  options: { noStore: boolean },
) {
  return async (request: NextRequest, segment: Segment<P>): Promise<Response> => {
    const requestId = acceptedRequestId(request.headers.get("x-request-id")) ?? randomUUID();
    let response: Response;
    try {
      response = await run(request, await segment.params, requestId);
    } catch (error) {
      response = problemResponse(error, requestId);
    }
    response.headers.set("x-request-id", requestId);
    // Records of children must not stay in a browser's or a proxy's cache (issue 14, item 6).
    if (options.noStore && !response.headers.get("cache-control")?.includes("no-store"))
      response.headers.set("cache-control", "no-store");
    return response;
  };
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The hosts this app answers as: the one the browser addressed (Host, or the proxy's
 * X-Forwarded-Host — a cross-site page cannot set either on its victim's request, as the
 * compliance export already relies on, app/(app)/admin/audit/students/[id]/export/route.ts),
 * the one Next parsed, and APP_URL's (the address mail links use).
 */
function ownHosts(request: NextRequest): string[] {
  const hosts = [request.nextUrl.host];
  const addressed = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (addressed) hosts.push(addressed);
  const appUrl = config().APP_URL;
  if (appUrl) hosts.push(new URL(appUrl).host);
  return hosts;
}

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

interface ApiRouteOptions {
  /**
   * The body type a write must declare: JSON unless the route is the target of the app's own
   * upload (`multipart/form-data`) or plain form (`application/x-www-form-urlencoded`) pages.
   */
  accepts?: "application/json" | "multipart/form-data" | "application/x-www-form-urlencoded";
}

/**
 * What a write that rides on the session cookie must show, since the browser attaches the
 * cookie to any site's request: when the browser names the page it came from (`Origin`, sent
 * on every cross-site write), this app's own host; and the body type the route reads — JSON,
 * which no plain HTML form elsewhere can send, unless the route is one of the app's own form or
 * upload targets. A bearer token is never sent by a browser on its own, so it skips both.
 */
function checkCookieWrite(request: NextRequest, accepts: string): void {
  if (!WRITES.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null && !ownHosts(request).includes(hostOf(origin) ?? "")) {
    throw new ForbiddenError("Requests from another site may not change data here.");
  }
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== accepts) throw new UnsupportedMediaTypeError(accepts);
}

/**
 * The one wrapper every API route goes through: resolves the actor on the server (never from
 * input) — from a bearer token when one is sent, else from the session cookie — runs the
 * handler, and turns failures into problem+json. Authorization happens in the use-case the
 * handler calls.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (route: RouteContext<P>) => Promise<Response>,
  options: ApiRouteOptions = {},
) {
  return handled<P>(
    async (request, params, requestId) => {
      const resolved = await requestActor(request);
      if (!resolved) throw new UnauthenticatedError();
      // The account is checked inside the handler's own transaction (./actor.ts); should it
      // have changed, the handler runs once more, and reads the body again.
      if (resolved.check) rereadable(request);
      return runChecked(
        resolved,
        (actor, check) => {
          if (!isTokenActor(actor))
            checkCookieWrite(request, options.accepts ?? "application/json");
          // Audit rows of a token's request say so: the user recorded is the admin who created it.
          const auditId = isTokenActor(actor)
            ? `${API_TOKEN_REQUEST}${actor.apiToken.id}:${requestId}`.slice(0, 100)
            : requestId;
          return handler({ ctx: contextFor(actor, auditId, check), params, request });
        },
        new UnauthenticatedError().message,
      );
    },
    { noStore: true },
  );
}

const BODY_READERS = ["arrayBuffer", "blob", "formData", "json", "text"] as const;

/** The request's body readers answer the first read again, so a second run can read it. */
function rereadable(request: NextRequest): void {
  const read = new Map<string, Promise<unknown>>();
  for (const reader of BODY_READERS) {
    const first = request[reader].bind(request);
    // Configurable and writable: Next hands route handlers a Proxy of the request whose `get`
    // binds what it returns, which a fixed property would forbid (a Proxy invariant).
    Object.defineProperty(request, reader, {
      configurable: true,
      writable: true,
      value: () => {
        if (!read.has(reader)) read.set(reader, first());
        return read.get(reader);
      },
    });
  }
}

/** For what anyone may read without signing in (the OpenAPI document): no actor, no data. */
export function publicRoute<P = Record<string, never>>(
  handler: (route: { params: P; request: NextRequest }) => Promise<Response>,
) {
  return handled<P>((request, params) => handler({ params, request }), { noStore: false });
}
