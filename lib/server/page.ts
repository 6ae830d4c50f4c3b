import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

/**
 * An id from a page's address (a route param or a query value). Addresses are user input: one
 * that cannot be an id is Next's 404 at once, before it reaches a query.
 */
export function idParam(value: string | undefined): string {
  if (!isUuid(value)) notFound();
  return value;
}

/**
 * A use-case's answer for a page. Its `NotFoundError` (a record of another district, or one the
 * viewer has no tie to) is Next's 404 page, as the API answers 404; any other error stays an
 * error.
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
