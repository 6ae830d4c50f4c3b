import { describe, expect, it } from "vitest";
import { linksOf } from "./crawl";
import { judge } from "./judge";
import { type DistrictSecrets, findLeaks, idsIn } from "./leaks";

const cedar: DistrictSecrets = {
  districtId: "0b6f3a8e-3c0e-4f57-9d7e-2f7d6c1a9b10",
  ids: new Set(["0b6f3a8e-3c0e-4f57-9d7e-2f7d6c1a9b10", "5d2c9e41-7a3b-4c8d-8e9f-1a2b3c4d5e6f"]),
  studentNames: ["Liam O'Connor", "Ava Patel"],
};
const own = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("the leak detector", () => {
  it("finds another district's id in a page, in any letter case", () => {
    const html = `<a href="/students/5D2C9E41-7A3B-4C8D-8E9F-1A2B3C4D5E6F">Open</a><a href="/students/${own}">`;
    expect(findLeaks(html, cedar)).toEqual([
      { kind: "id", value: "5d2c9e41-7a3b-4c8d-8e9f-1a2b3c4d5e6f" },
    ]);
  });

  it("finds another district's student by name, also HTML-escaped", () => {
    expect(findLeaks("<td>Liam O&#x27;Connor</td>", cedar)).toEqual([
      { kind: "student name", value: "Liam O'Connor" },
    ]);
    expect(findLeaks('{"name":"Ava Patel"}', cedar)).toHaveLength(1);
  });

  it("does not count an id the request itself sent back (a refusal naming it)", () => {
    const body = `{"detail":"No intervention 5d2c9e41-7a3b-4c8d-8e9f-1a2b3c4d5e6f"}`;
    const sent = idsIn("/api/v1/interventions/5d2c9e41-7a3b-4c8d-8e9f-1a2b3c4d5e6f");
    expect(findLeaks(body, cedar, sent)).toEqual([]);
  });

  it("finds nothing in a page of one's own district", () => {
    expect(findLeaks(`<a href="/students/${own}">Emma Wilson</a>`, cedar)).toEqual([]);
  });
});

describe("what an answer must be", () => {
  it("fails a leak whatever the status", () => {
    expect(judge({ mode: "own", status: 200, leaks: [{ kind: "id", value: own }] })).toMatchObject({
      ok: false,
      leak: true,
    });
  });

  it("wants another district's id answered as a random one is, and never with 2xx", () => {
    expect(judge({ mode: "foreign", status: 404, probeStatus: 404, leaks: [] }).ok).toBe(true);
    expect(judge({ mode: "foreign", status: 403, probeStatus: 403, leaks: [] }).ok).toBe(true);
    expect(judge({ mode: "foreign", status: 403, probeStatus: 404, leaks: [] }).ok).toBe(false);
    expect(judge({ mode: "foreign", status: 200, probeStatus: 200, leaks: [] }).ok).toBe(false);
  });

  it("wants 401 from an API operation that needs credentials, and no 5xx anywhere", () => {
    expect(judge({ mode: "anonymous", status: 401, leaks: [], needsCredentials: true }).ok).toBe(
      true,
    );
    expect(judge({ mode: "anonymous", status: 200, leaks: [], needsCredentials: true }).ok).toBe(
      false,
    );
    expect(judge({ mode: "anonymous", status: 307, leaks: [], needsCredentials: false }).ok).toBe(
      true,
    );
    expect(judge({ mode: "own", status: 500, leaks: [] }).ok).toBe(false);
    const signedInPart = { mode: "anonymous" as const, leaks: [], needsSignIn: true };
    expect(judge({ ...signedInPart, status: 307, location: "/sign-in?callbackUrl=%2F" }).ok).toBe(
      true,
    );
    expect(judge({ ...signedInPart, status: 307, location: "/elsewhere" }).ok).toBe(false);
    expect(judge({ ...signedInPart, status: 200 }).ok).toBe(false);
  });
});

describe("the crawl's links", () => {
  it("keeps same-origin pages and leaves out files, assets, Auth.js and other sites", () => {
    const html = `<a href="/students/1?tab=a&amp;b=2">s</a><a href="https://evil.example/x">e</a>
      <a href="/api/auth/signout">o</a><link href="/_next/static/a.css"><a href="/r/export">x</a>
      <a href="/students/1/referral-packet.pdf">p</a><a href="#top">t</a><a href='mailto:a@b.c'>m</a>`;
    expect(linksOf(html, "http://127.0.0.1:3300/dashboard")).toEqual(["/students/1?tab=a&b=2"]);
  });
});
