import { describe, expect, it } from "vitest";
import { isProblem } from "../checks/fuzz";
import { pageHeaderProblems } from "../checks/headers";
import { argumentCount } from "./endpoints";
import type { Answer } from "./http";

describe("how many arguments an action reads (the first byte of its id)", () => {
  it("reads the bit of each argument and the rest parameter", () => {
    expect(argumentCount("00aa")).toBe(0);
    expect(argumentCount("40aa")).toBe(1);
    expect(argumentCount("60aa")).toBe(2);
    expect(argumentCount("70aa")).toBe(3);
    expect(argumentCount("7caa")).toBe(5);
    expect(argumentCount("7faa")).toBe(1);
  });
});

const answer = (status: number, contentType: string, body: string): Answer => ({
  status,
  headers: new Headers({ "content-type": contentType }),
  body,
  setCookies: [],
});

describe("a problem document", () => {
  it("has the media type, a type, a title and the answer's status", () => {
    const body = JSON.stringify({
      type: "https://x/problems/invalid",
      title: "Invalid",
      status: 400,
    });
    expect(isProblem(answer(400, "application/problem+json", body))).toBe(true);
    expect(isProblem(answer(400, "application/json", body))).toBe(false);
    expect(isProblem(answer(404, "application/problem+json", body))).toBe(false);
    expect(isProblem(answer(400, "application/problem+json", "<html>"))).toBe(false);
  });
});

describe("a page's security headers", () => {
  const good = {
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "content-security-policy": "default-src 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  };

  it("passes the app's set and names each missing or weak one", () => {
    expect(pageHeaderProblems(new Headers(good))).toEqual([]);
    expect(
      pageHeaderProblems(
        new Headers({
          ...good,
          "strict-transport-security": "max-age=300",
          "content-security-policy": "default-src 'self'",
          "x-content-type-options": "",
          "referrer-policy": "unsafe-url",
        }),
      ),
    ).toEqual([
      'HSTS "max-age=300"',
      "CSP without frame-ancestors 'none'",
      "no X-Content-Type-Options: nosniff",
      "Referrer-Policy unsafe-url",
    ]);
  });
});
