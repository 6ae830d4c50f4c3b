import { describe, expect, it } from "vitest";
import { FrontendStream, TransactionTracker } from "./faults-framing";

const cstr = (text: string) => Buffer.from(`${text}\0`, "utf8");

function typed(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function untyped(code: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

const startup = untyped(196608, cstr("user"), cstr("northstar_app"), cstr(""));
const query = (sql: string) => typed("Q", cstr(sql));
const parse = (name: string, sql: string) => typed("P", cstr(name), cstr(sql), Buffer.alloc(2));
const bind = (statement: string) => typed("B", cstr(""), cstr(statement), Buffer.alloc(6));
const execute = typed("E", cstr(""), Buffer.alloc(4));
const sync = typed("S");

describe("FrontendStream", () => {
  it("splits messages however the bytes are chunked, with their offsets and SQL", () => {
    const bytes = Buffer.concat([
      untyped(80877103),
      startup,
      parse("s1", "begin"),
      bind("s1"),
      execute,
      sync,
      bind("s1"),
    ]);
    for (const size of [1, 3, 7, bytes.length]) {
      const stream = new FrontendStream();
      const messages = [];
      for (let at = 0; at < bytes.length; at += size) {
        messages.push(...stream.push(bytes.subarray(at, at + size)));
      }
      expect(messages.map((m) => [m.type, m.sql])).toEqual([
        [null, null],
        [null, null],
        ["P", "begin"],
        ["B", "begin"],
        ["E", null],
        ["S", null],
        // A prepared statement run again is named, not spelled out: its text is remembered.
        ["B", "begin"],
      ]);
      expect(messages[2]!.start).toBe(8 + startup.length);
      expect(messages.reduce((sum, m) => sum + m.bytes.length, 0)).toBe(bytes.length);
    }
  });
});

describe("TransactionTracker", () => {
  const measure = (...parts: Buffer[]) => {
    const stream = new FrontendStream();
    const tracker = new TransactionTracker();
    const lengths = stream.push(Buffer.concat([startup, ...parts])).map((m) => tracker.see(m));
    return { lengths: lengths.filter((l) => l !== null), open: tracker.begin !== null };
  };

  it("measures a transaction from its BEGIN to the Sync after its COMMIT", () => {
    const write = [parse("", "insert into t values (1)"), bind(""), execute, sync];
    const commit = [parse("", "commit"), bind(""), execute, sync];
    const expected = [query("begin"), ...write, ...commit].reduce((n, b) => n + b.length, 0);
    expect(measure(query("select 1"), query("begin"), ...write, ...commit)).toEqual({
      lengths: [expected],
      open: false,
    });
  });

  it("ends a simple-query COMMIT at once, and a ROLLBACK without a length", () => {
    expect(measure(query("BEGIN"), query("insert"), query("COMMIT"))).toMatchObject({
      lengths: [query("BEGIN").length + query("insert").length + query("COMMIT").length],
    });
    expect(measure(query("begin"), query("rollback"), query("begin"))).toEqual({
      lengths: [],
      open: true,
    });
  });
});
