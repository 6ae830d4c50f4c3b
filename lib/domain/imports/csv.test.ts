import { describe, expect, it } from "vitest";
import { csvLine, readCsv, readCsvRows } from "./csv";

async function* chunked(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function records(text: string, size = 1_000_000) {
  const out = [];
  for await (const record of readCsv(chunked(text, size))) out.push(record);
  return out;
}

describe("readCsv", () => {
  const tricky =
    '\uFEFFid,name,note\r\n1,"Smith, Ana","said ""hi"""\r\n2,Lee,"two\r\nlines"\r\n\r\n3,Ñúñez,\r\n';

  it("reads quoted fields, doubled quotes, embedded commas and line breaks, BOM and CRLF", async () => {
    expect(await records(tricky)).toEqual([
      { line: 1, fields: ["id", "name", "note"] },
      { line: 2, fields: ["1", "Smith, Ana", 'said "hi"'] },
      { line: 3, fields: ["2", "Lee", "two\r\nlines"] },
      { line: 6, fields: ["3", "Ñúñez", ""] },
    ]);
  });

  it("gives the same records whatever the chunk size (even one byte at a time)", async () => {
    const whole = await records(tricky);
    for (const size of [1, 2, 3, 7]) expect(await records(tricky, size)).toEqual(whole);
  });

  it("reads LF files and a last line without a line break", async () => {
    expect(await records("a,b\n1,2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });

  it("reports a quote that is never closed", async () => {
    const [, bad] = await records('a,b\n1,"open\n');
    expect(bad?.error).toMatch(/never closed/);
    expect(bad?.line).toBe(2);
  });
});

describe("readCsvRows", () => {
  it("reads fields by column name and flags rows of the wrong width", async () => {
    let header: string[] = [];
    const rows = [];
    for await (const row of readCsvRows(chunked("a, b\n1,2\n3\n", 4), (h) => {
      header = h;
    })) {
      rows.push({ line: row.line, a: row.get("a"), b: row.get("b"), error: row.error });
    }
    expect(header).toEqual(["a", "b"]);
    expect(rows).toEqual([
      { line: 2, a: "1", b: "2", error: undefined },
      { line: 3, a: "3", b: "", error: "The row has 1 fields; the header has 2." },
    ]);
  });
});

describe("csvLine", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvLine(["plain", 'a "b"', "x,y", 12, null, "=cmd()"])).toBe(
      'plain,"a ""b""","x,y",12,,\'=cmd()\r\n',
    );
  });
});
