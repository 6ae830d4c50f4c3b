import { z } from "zod";
import { named } from "../registry";

export const uuid = z.uuid();
export const instant = z.iso.datetime({ offset: true });
/** A district-calendar date. */
export const localDate = z.iso.date();

export const problemSchema = named(
  "Problem",
  "RFC 9457 problem details, served as application/problem+json.",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
);

/** A page of a keyset-paged list: pass `nextCursor` back as `cursor`; null at the end. */
export const cursorPage = <S extends z.ZodType>(items: S) =>
  z.object({ items: z.array(items), nextCursor: z.string().nullable() });

export const offsetPage = <S extends z.ZodType>(items: S) =>
  z.object({ items: z.array(items), limit: z.number().int(), offset: z.number().int() });
