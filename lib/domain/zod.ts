import { z } from "zod";

/**
 * Zod's own messages ("Invalid input: expected string, received undefined") reach people: as
 * field errors under a form control and in problem+json `errors`. Schemas give their own words
 * where a field has something particular to say; this map words every other failure so a
 * specialist or an integrator can act on it. Returning undefined keeps Zod's message.
 */
export function plainLanguageMessage(issue: {
  code?: string;
  input?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
}): string | undefined {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined || issue.input === null || issue.input === "")
      return issue.expected === "object" ? "Send a JSON object." : "This field is required.";
    return EXPECTED[String(issue.expected)];
  }
  if (issue.code === "invalid_value" && issue.values?.length)
    return issue.values.length === 1
      ? `Must be ${JSON.stringify(issue.values[0])}.`
      : `Choose one of: ${issue.values.map((value) => String(value)).join(", ")}.`;
  return undefined;
}

const EXPECTED: Record<string, string> = {
  string: "Enter text.",
  number: "Enter a number.",
  int: "Enter a whole number.",
  boolean: "Must be true or false.",
  array: "Must be a list.",
  object: "Send a JSON object.",
  date: "Enter a date.",
};

// In the browser Zod must not compile its parsers with `new Function`: pages run under a CSP
// without 'unsafe-eval' (lib/security-headers.ts), which refuses the probe Zod makes when a
// schema is built and reports a violation on every page with a form. The server keeps the JIT.
z.config({ customError: plainLanguageMessage, jitless: typeof window !== "undefined" });

/** Every schema of the domain imports Zod from here, so the messages above apply wherever it runs. */
export { z };
