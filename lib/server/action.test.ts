import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "@/lib/domain/zod";
import { actionArgument, serverAction } from "./action";

vi.mock("server-only", () => ({}));
vi.mock("./actor", () => ({
  actionActor: async () => ({
    actor: { userId: "u-1", tenantId: "t-1", role: "specialist" },
    check: null,
  }),
  runChecked: (
    resolved: { actor: unknown },
    attempt: (actor: unknown, check: null) => Promise<unknown>,
  ) => attempt(resolved.actor, null),
  contextFor: (actor: unknown) => ({ actor }),
}));

const GROUP = "6f1c2a9e-3b4d-4c5e-8f60-718293a4b5c6";
let runs: unknown[][] = [];
const cancel = serverAction(
  z.object({ reason: z.string().min(3) }),
  async (_ctx, input, sessionId) => {
    runs.push([input, sessionId]);
    return { sessionId };
  },
  actionArgument.id,
);
const rename = serverAction(z.object({ name: z.string() }), async (_ctx, input) => {
  runs.push([input]);
  return input.name;
});

/** Calls an action the way a crafted request can: with any arguments at all. */
const callWith = (action: unknown, ...args: unknown[]) =>
  (action as (...a: unknown[]) => Promise<unknown>)(...args);

beforeEach(() => {
  runs = [];
});

describe("serverAction", () => {
  it("runs the use-case with the input and the arguments it declares, parsed", async () => {
    expect(await cancel({ reason: "snow day" }, GROUP)).toEqual({
      ok: true,
      data: { sessionId: GROUP },
    });
    expect(runs).toEqual([[{ reason: "snow day" }, GROUP]]);
  });

  it("refuses more arguments than declared, before the use-case runs", async () => {
    const extra = await callWith(rename, { name: "Phonics" }, { tenantId: "another district" });
    expect(extra).toMatchObject({
      ok: false,
      fieldErrors: [{ path: "(arguments)", message: expect.stringMatching(/takes 1 argument/) }],
    });
    expect(await callWith(cancel, { reason: "snow day" }, GROUP, "more")).toMatchObject({
      ok: false,
    });
    expect(runs).toEqual([]);
  });

  it("refuses fewer arguments, and arguments that do not pass their schema", async () => {
    expect(await callWith(cancel, { reason: "snow day" })).toMatchObject({ ok: false });
    for (const bad of [{ id: GROUP }, 42, "not-an-id", null, [GROUP]]) {
      expect(await callWith(cancel, { reason: "snow day" }, bad)).toMatchObject({
        ok: false,
        fieldErrors: [expect.objectContaining({ path: "(argument 2)" })],
      });
    }
    expect(await callWith(cancel, { reason: "x" }, GROUP)).toMatchObject({
      ok: false,
      fieldErrors: [{ path: "reason" }],
    });
    expect(runs).toEqual([]);
  });

  it("bounds idempotency keys and lets a new record's id be null", () => {
    expect(actionArgument.idempotencyKey.safeParse("k".repeat(201)).success).toBe(false);
    expect(actionArgument.idempotencyKey.safeParse("").success).toBe(false);
    expect(actionArgument.idOrNew.safeParse(null).success).toBe(true);
    expect(actionArgument.id.safeParse(null).success).toBe(false);
  });
});
