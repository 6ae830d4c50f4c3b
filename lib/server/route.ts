import "server-only";
import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import {
  DomainError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import { isUuid } from "@/lib/domain/ids";
import type { z } from "@/lib/domain/zod";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { API_TOKEN_REQUEST, isTokenActor } from "@/lib/use-cases/tokens/authenticate-token";
import { contextFor, requestActor } from "./actor";

const PROBLEM_TYPE_BASE = "https://northstar.example/problems/";

/** RFC 9457 problem details for a domain error; anything else is a logged 500. */
export function problemResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof DomainError) {
    const body: Record<string, unknown> = {
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

/** Request id, problem+json for failures, and the id echoed on the response. */
function handled<P>(
  run: (request: NextRequest, params: P, requestId: string) => Promise<Response>,
) {
  return async (request: NextRequest, segment: Segment<P>): Promise<Response> => {
    // The token marker below is ours to set: a client cannot claim it through its own id.
    const claimed = request.headers.get("x-request-id")?.slice(0, 100);
    const requestId = claimed && !claimed.startsWith(API_TOKEN_REQUEST) ? claimed : randomUUID();
    try {
      const response = await run(request, await segment.params, requestId);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

/**
 * The one wrapper every API route goes through: resolves the actor on the server (never from
 * input) — from a bearer token when one is sent, else from the session cookie — runs the
 * handler, and turns failures into problem+json. Authorization happens in the use-case the
 * handler calls.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (route: RouteContext<P>) => Promise<Response>,
) {
  return handled<P>(async (request, params, requestId) => {
    const actor = await requestActor(request);
    if (!actor) throw new UnauthenticatedError();
    // Audit rows of a token's request say so: the user recorded is the admin who created it.
    const auditId = isTokenActor(actor)
      ? `${API_TOKEN_REQUEST}${actor.apiToken.id}:${requestId}`.slice(0, 100)
      : requestId;
    return handler({ ctx: contextFor(actor, auditId), params, request });
  });
}

/** For what anyone may read without signing in (the OpenAPI document): no actor, no data. */
export function publicRoute<P = Record<string, never>>(
  handler: (route: { params: P; request: NextRequest }) => Promise<Response>,
) {
  return handled<P>((request, params) => handler({ params, request }));
}

export async function readJson<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationError(
      [{ path: "(body)", message: "The body must be JSON." }],
      "The body is not valid JSON.",
    );
  }
  return parseInput(schema, body);
}

export function readQuery<S extends z.ZodType>(request: NextRequest, schema: S): z.output<S> {
  return parseInput(schema, Object.fromEntries(request.nextUrl.searchParams));
}

/** An id that cannot exist is simply not found. */
export function resourceId(raw: string, entity: string): string {
  if (!isUuid(raw)) throw new NotFoundError(entity);
  return raw;
}

export function idempotencyKey(request: NextRequest): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (key.length < 1 || key.length > 200) {
    throw new ValidationError([{ path: "Idempotency-Key", message: "Use 1 to 200 characters." }]);
  }
  return key;
}

/**
 * The version an update is based on: `If-Match: "<version>"` (an ETag this API gave out) or
 * `version` in the body. Without either, an update could silently overwrite someone else's.
 */
export function expectedVersion(request: NextRequest, bodyVersion: number | undefined): number {
  const header = request.headers.get("if-match");
  const fromHeader = header
    ? Number(header.trim().replace(/^W\//, "").replaceAll('"', ""))
    : undefined;
  const version = fromHeader ?? bodyVersion;
  if (version === undefined || !Number.isSafeInteger(version) || version < 1) {
    throw new ValidationError([
      {
        path: "version",
        message: 'Send the version you read: If-Match: "<version>", or version in the body.',
      },
    ]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new ValidationError([
      { path: "version", message: "If-Match and version in the body disagree." },
    ]);
  }
  return version;
}
