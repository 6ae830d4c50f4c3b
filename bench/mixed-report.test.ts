import { describe, expect, it } from "vitest";
import { tallyEvents } from "./deployment-checks";
import { type MixedResult, mixedPasses, replaceSection, summaryLine } from "./mixed-report";

describe("tallyEvents", () => {
  it("counts a message repeated for one event and an event the stream lacks", () => {
    expect(tallyEvents(["a", "b", "c"], ["a", "b", "b"])).toEqual({
      published: 3,
      messages: 3,
      duplicates: 1,
      missing: 1,
    });
    expect(tallyEvents(["a", "b"], ["b", "a"])).toMatchObject({ duplicates: 0, missing: 0 });
  });
});

describe("the mixed load's verdict", () => {
  const clean: MixedResult = {
    instances: 2,
    errors: 0,
    overSlo: [],
    events: { published: 10, waiting: 0, messages: 10, duplicates: 0, missing: 0, drainSeconds: 1 },
    idempotency: { attempts: 5, sameAnswer: 5, rows: 5, events: 5 },
    jobs: [{ name: "mail-delivery", runs: 3, overlaps: 0, schedules: 0 }],
    forwarded: [7, 6],
  };

  it("passes only when nothing failed, doubled or went missing", () => {
    expect(mixedPasses(clean)).toBe(true);
    expect(mixedPasses({ ...clean, errors: 1 })).toBe(false);
    expect(mixedPasses({ ...clean, overSlo: ["create"] })).toBe(false);
    expect(mixedPasses({ ...clean, events: { ...clean.events, duplicates: 1 } })).toBe(false);
    expect(mixedPasses({ ...clean, events: { ...clean.events, waiting: 2 } })).toBe(false);
    // A twin that wrote a second note.
    expect(mixedPasses({ ...clean, idempotency: { ...clean.idempotency, rows: 6 } })).toBe(false);
    expect(
      mixedPasses({ ...clean, jobs: [{ name: "x", runs: 2, overlaps: 1, schedules: 1 }] }),
    ).toBe(false);
  });

  it("says errors, duplicates, missing events and the proxy's split on one line", () => {
    const line = summaryLine({ ...clean, events: { ...clean.events, missing: 2 } });
    expect(line).toContain("2 instances; errors 0; over SLO none");
    expect(line).toContain("duplicates 0, missing 2, waiting 0");
    expect(line).toContain("idempotency 5/5 keys answered alike, extra effects 0");
    expect(line).toContain("proxy split 7 / 6");
  });
});

describe("replaceSection", () => {
  const file =
    "# B\n\n## Where the time goes\n\nNotes.\n\n## Mixed load\n\nOld.\n\n## How to run\n\nRun.\n";

  it("replaces only the section's body, up to the next heading", () => {
    expect(replaceSection(file, "## Mixed load", "New.")).toBe(
      "# B\n\n## Where the time goes\n\nNotes.\n\n## Mixed load\n\nNew.\n\n## How to run\n\nRun.\n",
    );
  });

  it("appends a section the file does not have yet", () => {
    expect(replaceSection("# B\n", "## Two instances", "Table.")).toBe(
      "# B\n\n## Two instances\n\nTable.\n",
    );
  });
});
