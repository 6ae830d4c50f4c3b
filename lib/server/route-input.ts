/**
 * What a route handler reads from its request, each checked: a JSON body or a plain form within
 * its byte cap, the query string, an id in the path, the Idempotency-Key and the version an
 * update is based on. Bad input is a ValidationError (400 problem+json), never a 500.
 */
import "server-only";
import type { NextRequest } from "next/server";
import { NotFoundError, ValidationError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import { isUuid } from "@/lib/domain/ids";
import type { z } from "@/lib/domain/zod";
import { PayloadTooLargeError, readCapped } from "./capped-body";

/**
 * The most a JSON body or a plain form may carry: the largest real ones (a roster's attendance,
 * a template, a letter's wording) are a few kilobytes; a bigger body is refused as it streams.
 * They read a clone, so a handler run again after the account's check (./actor.ts) reads the
 * body again; the clone holds at most the cap in memory before the read stops.
 */
const MAX_JSON_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 64 * 1024;

/** The body as `read` takes it, within `limit`; a body it cannot read is the 400 `refusal`. */
async function readBody<T>(
  request: NextRequest,
  limit: number,
  read: (counted: Response) => Promise<T>,
  refusal: { message: string; title: string },
): Promise<T> {
  try {
    return await readCapped(request.clone(), limit, read);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new ValidationError([{ path: "(body)", message: refusal.message }], refusal.title);
  }
}

export async function readJson<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  const body = await readBody(request, MAX_JSON_BYTES, (counted) => counted.json(), {
    message: "The body must be JSON.",
    title: "The body is not valid JSON.",
  });
  return parseInput(schema, body);
}

/** A plain HTML form's fields (`application/x-www-form-urlencoded`), checked like JSON bodies. */
export async function readForm<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  const form = await readBody(request, MAX_FORM_BYTES, (counted) => counted.formData(), {
    message: "Send the form's fields as application/x-www-form-urlencoded.",
    title: "The body is not a form.",
  });
  return parseInput(schema, Object.fromEntries(form));
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
