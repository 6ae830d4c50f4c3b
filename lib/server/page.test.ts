import { describe, expect, it, vi } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { idParam, orNotFound } from "./page";

vi.mock("server-only", () => ({}));

const ID = "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11";

/** Next's notFound() throws an error whose digest names the 404 fallback. */
const isNextNotFound = (error: unknown) =>
  String((error as { digest?: unknown }).digest).endsWith(";404");

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("idParam", () => {
  it("hands back an id", () => {
    expect(idParam(ID)).toBe(ID);
  });

  it("is Next's 404 for anything that cannot be an id", () => {
    for (const value of [undefined, "", "42", "------------------------------------"]) {
      expect(isNextNotFound(thrown(() => idParam(value))), String(value)).toBe(true);
    }
  });
});

describe("orNotFound", () => {
  it("hands back the answer", async () => {
    await expect(orNotFound(Promise.resolve(7))).resolves.toBe(7);
  });

  it("turns a NotFoundError into Next's 404", async () => {
    const error = await orNotFound(Promise.reject(new NotFoundError("Student"))).catch(
      (caught: unknown) => caught,
    );
    expect(isNextNotFound(error)).toBe(true);
  });

  it("lets every other error through as it is", async () => {
    const forbidden = new ForbiddenError();
    await expect(orNotFound(Promise.reject(forbidden))).rejects.toBe(forbidden);
  });
});
