import { z } from "./zod";

/**
 * Zod's own UUID pattern (RFC 9562: a version digit 1–8 and the RFC variant, or the nil and max
 * ids), so a hand-written check and a `z.uuid()` schema accept exactly the same ids: a page,
 * a route and a form never disagree on whether "this cannot be an id".
 */
const UUID = z.regexes.uuid();

/**
 * The one check that a value is an id. Ids come from users (page params, query strings, signed
 * links): one that cannot exist is "not found" or "malformed" before it reaches the database.
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && UUID.test(value);
