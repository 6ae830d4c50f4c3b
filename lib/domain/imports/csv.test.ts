import { describe, expect, it } from "vitest";
import { MAX_RECORD_BYTES, readCsv, readCsvRows } from "./csv";
import { BundleRefusedError } from "./summary";

async function* chunked(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const records = (text: string, size = 1_000_000) => collect(readCsv(chunked(text, size)));

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

  it("keeps the records before a quote that is never closed, and numbers it after blank lines", async () => {
    expect(await records('a,b\r\n1,2\r\n\r\n3,"open\r\nstill open\r\n', 5)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 4, fields: [], error: "A quoted field is never closed." },
    ]);
  });

  it("refuses a row longer than MAX_RECORD_BYTES, naming the file and the line it starts on", async () => {
    const text = `a,b\r\n1,2\r\n\r\n3,"open${"x\r\n".repeat(MAX_RECORD_BYTES / 3)}`;
    const error = await collect(readCsv(chunked(text, 64 * 1024), { file: "users.csv" })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BundleRefusedError);
    expect((error as Error).message).toBe(
      "users.csv: the row on line 4 is longer than 1 MB, so the file cannot be read as CSV (is a quote never closed?).",
    );
  });

  it("drops a byte-order mark only at the start of the file, split across chunks or not", async () => {
    for (const size of [1, 2, 100]) {
      expect(await records("\uFEFFsourcedId,name\n1,\uFEFFx\n", size)).toEqual([
        { line: 1, fields: ["sourcedId", "name"] },
        { line: 2, fields: ["1", "\uFEFFx"] },
      ]);
    }
  });

  it("numbers records by the line they start on after quoted line breaks (LF, CRLF, CR)", async () => {
    const text = 'id,note\n1,"a\nb\nc"\n2,x\r\n3,"d\r\ne"\r\n4,y\r5,"f\rg"\r6,z\n';
    for (const size of [1, 4, 1000]) {
      expect((await records(text, size)).map((r) => [r.line, r.fields[0]])).toEqual([
        [1, "id"],
        [2, "1"],
        [5, "2"],
        [6, "3"],
        [8, "4"],
        [9, "5"],
        [11, "6"],
      ]);
    }
  });

  it("reads a file that mixes CRLF and LF endings row by row", async () => {
    expect(await records("a,b\r\n1,2\n3,4\r\n5,6")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
      { line: 4, fields: ["5", "6"] },
    ]);
  });

  it("keeps a stray quote inside an unquoted field as text instead of failing the file", async () => {
    expect(await records("a,b\n5'10\",tall\n2,x\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["5'10\"", "tall"] },
      { line: 3, fields: ["2", "x"] },
    ]);
  });

  it("passes on a failure of the source, and closes the source when the caller stops early", async () => {
    async function* failing() {
      yield new TextEncoder().encode("a,b\n1,2\n");
      throw new Error("the zip is over a cap");
    }
    await expect(collect(readCsv(failing()))).rejects.toThrow("the zip is over a cap");

    let closed = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield new TextEncoder().encode(`${i},x\n`.repeat(100));
      } finally {
        closed = true;
      }
    }
    for await (const record of readCsv(endless())) {
      expect(record.line).toBe(1);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
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

  it("reports ragged rows with the line they start on, in a CRLF file with quoted breaks", async () => {
    const text =
      "\uFEFFsourcedId,name,grade\r\n" +
      's-1,"Ana\r\nMaría",03\r\n' +
      "\r\n" +
      "s-2,Ben\r\n" +
      's-3,"Cy",04,extra\r\n' +
      "s-4,Di,05\r\n";
    const rows = [];
    for await (const row of readCsvRows(chunked(text, 3), () => {})) {
      rows.push({ line: row.line, id: row.get("sourcedId"), error: row.error });
    }
    expect(rows).toEqual([
      { line: 2, id: "s-1", error: undefined },
      { line: 5, id: "s-2", error: "The row has 2 fields; the header has 3." },
      { line: 6, id: "s-3", error: "The row has 4 fields; the header has 3." },
      { line: 7, id: "s-4", error: undefined },
    ]);
  });
});
