import "server-only";
import type { z as zod } from "zod";
import {
  DomainError,
  type FieldError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/domain/errors";
import { fieldErrorsFromZod, parseInput } from "@/lib/domain/errors/from-zod";
import { z } from "@/lib/domain/zod";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { actionActor, contextFor, runChecked } from "./actor";

const SESSION_ENDED = "Your session has ended. Sign in again; nothing was saved.";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors: FieldError[];
      /** What the problem document would add (e.g. a schedule's conflicts and alternatives). */
      details?: Record<string, unknown>;
    };

/** The schemas of the arguments actions take after their input. */
export const actionArgument = {
  /** The record the form is about (a group, a session, a student…). */
  id: z.uuid(),
  /** The same, or null when the form creates a new one. */
  idOrNew: z.uuid().nullable(),
  /** The key a form makes when it opens, so a double click or a retry has one effect. */
  idempotencyKey: z.string().min(1).max(200),
};

type Outputs<A extends readonly zod.ZodType[]> = { [K in keyof A]: zod.output<A[K]> };
type Inputs<A extends readonly zod.ZodType[]> = { [K in keyof A]: zod.input<A[K]> };

/**
 * The arguments a caller sent after the form's input, each parsed with the schema the action
 * declared for it. A server action is called with whatever arguments the caller chooses: one
 * more than declared, or one of another shape (an object where an id goes), is refused.
 */
function parseArguments<A extends readonly zod.ZodType[]>(
  schemas: A,
  args: readonly unknown[],
): Outputs<A> {
  if (args.length !== schemas.length)
    throw new ValidationError([
      {
        path: "(arguments)",
        message: `This action takes ${schemas.length + 1} argument(s), not ${args.length + 1}. Nothing was saved.`,
      },
    ]);
  return schemas.map((schema, index) => {
    const parsed = schema.safeParse(args[index]);
    if (!parsed.success)
      throw new ValidationError(
        fieldErrorsFromZod(parsed.error).map((error) => ({
          ...error,
          path: `(argument ${index + 2})${error.path === "(body)" ? "" : `.${error.path}`}`,
        })),
      );
    return parsed.data;
  }) as Outputs<A>;
}

/**
 * The one wrapper every server action goes through. A server action is a public endpoint:
 * the input is parsed again with the form's own schema, every further argument (an id, an
 * idempotency key) with the schema given for it after `run`, and no more arguments than those
 * are accepted; the actor is resolved on the server, and the use-case authorizes. All of it
 * happens before `run`. Failures come back as a message and per-field errors.
 */
export function serverAction<S extends zod.ZodType, T, const A extends readonly zod.ZodType[] = []>(
  schema: S,
  run: (ctx: UseCaseContext, input: zod.output<S>, ...args: Outputs<A>) => Promise<T>,
  ...argumentSchemas: A
) {
  return async (raw: unknown, ...args: Inputs<A>): Promise<ActionResult<T>> => {
    try {
      const resolved = await actionActor(SESSION_ENDED);
      if (!resolved) throw new UnauthenticatedError(SESSION_ENDED);
      const extra = parseArguments(argumentSchemas, args);
      const input = parseInput(schema, raw);
      // The account is checked in the use-case's own transaction; ./actor.ts runs it again
      // as the person is now should the account have changed.
      const data = await runChecked(
        resolved,
        (actor, check) => run(contextFor(actor, undefined, check), input, ...extra),
        SESSION_ENDED,
      );
      return { ok: true, data };
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
