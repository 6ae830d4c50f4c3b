import "server-only";
import type { z } from "zod";
import { DomainError, type FieldError, UnauthenticatedError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { contextFor, currentActor } from "./actor";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors: FieldError[];
      /** What the problem document would add (e.g. a schedule's conflicts and alternatives). */
      details?: Record<string, unknown>;
    };

/**
 * The one wrapper every server action goes through. A server action is a public endpoint:
 * the input is parsed again with the form's own schema, the actor is resolved on the server,
 * and the use-case authorizes. Failures come back as a message and per-field errors.
 */
export function serverAction<S extends z.ZodType, T, Extra extends unknown[] = []>(
  schema: S,
  run: (ctx: UseCaseContext, input: z.output<S>, ...extra: Extra) => Promise<T>,
) {
  return async (raw: unknown, ...extra: Extra): Promise<ActionResult<T>> => {
    try {
      const actor = await currentActor();
      if (!actor)
        throw new UnauthenticatedError("Your session has ended. Sign in again; nothing was saved.");
      const input = parseInput(schema, raw);
      return { ok: true, data: await run(contextFor(actor), input, ...extra) };
    } catch (error) {
      if (error instanceof DomainError) {
        const fieldErrors =
          "errors" in error && Array.isArray(error.errors) ? (error.errors as FieldError[]) : [];
        return { ok: false, message: error.message, fieldErrors, details: error.extensions };
      }
      console.error(error);
      return {
        ok: false,
        message: "Something went wrong on our side. Nothing was saved; please try again.",
        fieldErrors: [],
      };
    }
  };
}
