import { describe, expect, it } from "vitest";
import { z } from "./zod";

function firstMessage(schema: z.ZodType, input: unknown): string | undefined {
  return schema.safeParse(input).error?.issues[0]?.message;
}

describe("plain-language validation messages", () => {
  it("says a missing field is required, whatever its type", () => {
    const schema = z.object({
      reason: z.string(),
      records: z.array(z.string()),
      version: z.number(),
    });
    expect(
      schema.safeParse({}).error?.issues.map((issue) => [issue.path.join("."), issue.message]),
    ).toEqual([
      ["reason", "This field is required."],
      ["records", "This field is required."],
      ["version", "This field is required."],
    ]);
  });

  it("names what was expected when a value has the wrong type", () => {
    expect(firstMessage(z.object({ n: z.number() }), { n: "three" })).toBe("Enter a number.");
    expect(firstMessage(z.coerce.number(), "three")).toBe("Enter a number.");
    expect(firstMessage(z.array(z.string()), "a")).toBe("Must be a list.");
    expect(firstMessage(z.object({}), null)).toBe("Send a JSON object.");
    expect(firstMessage(z.object({}), [1])).toBe("Send a JSON object.");
  });

  it("lists the allowed values of a choice", () => {
    expect(firstMessage(z.enum(["en", "es"]), "fr")).toBe("Choose one of: en, es.");
    expect(firstMessage(z.literal("enrollment"), "summary")).toBe('Must be "enrollment".');
  });

  it("keeps a schema's own words where it has them", () => {
    expect(firstMessage(z.string({ error: "Name the focus area." }), undefined)).toBe(
      "Name the focus area.",
    );
    expect(firstMessage(z.string().min(1, "Give the intervention a name."), "")).toBe(
      "Give the intervention a name.",
    );
  });
});
