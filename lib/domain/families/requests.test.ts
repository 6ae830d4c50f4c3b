import { describe, expect, it } from "vitest";
import {
  answerFamilyRequestSchema,
  FAMILY_REQUEST_MAX_LENGTH,
  recordFamilyRequestSchema,
} from "./requests";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("a family's request", () => {
  it("keeps a question or an amendment, trimmed", () => {
    expect(
      recordFamilyRequestSchema.parse({ kind: "question", body: "  When is the next session?  " }),
    ).toEqual({ kind: "question", body: "When is the next session?" });
    expect(
      recordFamilyRequestSchema.parse({
        kind: "amendment",
        body: "Her attendance on Nov 3 says absent; she was there.",
      }).kind,
    ).toBe("amendment");
  });

  it("refuses an empty, a too short or a too long text, saying why", () => {
    expect(
      messages(recordFamilyRequestSchema.safeParse({ kind: "question", body: "   " })),
    ).toEqual(["Write your question or request (10 characters at least)."]);
    expect(messages(recordFamilyRequestSchema.safeParse({ kind: "question" }))).toEqual([
      "Write your question or request.",
    ]);
    expect(
      messages(
        recordFamilyRequestSchema.safeParse({
          kind: "question",
          body: "x".repeat(FAMILY_REQUEST_MAX_LENGTH + 1),
        }),
      ),
    ).toEqual(["2000 characters at most."]);
  });

  it("knows only questions and amendments: an evaluation has its own record", () => {
    const result = recordFamilyRequestSchema.safeParse({
      kind: "evaluation",
      body: "Please evaluate my son.",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["kind"]);
  });
});

describe("the team's answer", () => {
  it("is required, with something to say", () => {
    expect(answerFamilyRequestSchema.parse({ answer: " We corrected the record. " }).answer).toBe(
      "We corrected the record.",
    );
    expect(messages(answerFamilyRequestSchema.safeParse({ answer: "ok" }))).toEqual([
      "Write the answer (10 characters at least).",
    ]);
  });
});
