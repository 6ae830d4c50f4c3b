import { describe, expect, it } from "vitest";
import {
  isTransactionControl,
  type StatementRow,
  shortStatement,
  statementDeltas,
  topPerRequestText,
  topStatements,
  totalsOf,
} from "./statements-stats";

const row = (queryId: string, query: string, calls: number, totalMs: number): StatementRow => ({
  queryId,
  query,
  calls,
  totalMs,
});

describe("isTransactionControl", () => {
  it("tells BEGIN, COMMIT and the like from the statements of a request", () => {
    for (const query of [
      "BEGIN",
      "begin isolation level read committed",
      "COMMIT",
      "ROLLBACK",
      "savepoint s1",
      "RELEASE s1",
      "start transaction",
    ]) {
      expect(isTransactionControl(query)).toBe(true);
    }
    for (const query of [
      "select set_config($1, $2, true)",
      "insert into x values ($1)",
      "SET LOCAL a = 1",
      "beginning",
    ]) {
      expect(isTransactionControl(query)).toBe(false);
    }
  });
});

describe("statementDeltas", () => {
  it("subtracts the earlier reading and keeps a statement first seen in the later one whole", () => {
    const before = [row("1", "BEGIN", 10, 1), row("2", "select 1", 5, 10)];
    const after = [row("1", "BEGIN", 30, 3), row("2", "select 1", 5, 10), row("3", "insert", 4, 8)];
    expect(statementDeltas(before, after)).toEqual([
      row("1", "BEGIN", 20, 2),
      row("3", "insert", 4, 8),
    ]);
  });
});

describe("totalsOf", () => {
  it("counts every call as a round trip and the rest as statements", () => {
    const rows = [row("1", "BEGIN", 20, 2), row("2", "COMMIT", 20, 4), row("3", "insert", 40, 30)];
    expect(totalsOf(rows)).toEqual({ calls: 80, statements: 40, execMs: 36 });
  });

  it("counts a COMMIT for every BEGIN, as pg_stat_statements misses most of them", () => {
    const rows = [row("1", "begin", 20, 1), row("2", "commit", 1, 0), row("3", "select 1", 60, 9)];
    expect(totalsOf(rows)).toEqual({ calls: 100, statements: 60, execMs: 10 });
  });

  it("counts savepoints and rollbacks as they come", () => {
    const rows = [
      row("1", "begin", 10, 0),
      row("2", "savepoint s", 4, 0),
      row("3", "rollback to savepoint s", 1, 0),
      row("4", "rollback", 2, 0),
      row("5", "commit", 8, 0),
      row("6", "insert", 30, 0),
    ];
    expect(totalsOf(rows)).toEqual({ calls: 30 + 4 + 1 + 10 + 10, statements: 30, execMs: 0 });
  });
});

describe("topStatements", () => {
  it("orders by total time and keeps the first n", () => {
    const rows = [row("1", "a", 1, 5), row("2", "b", 1, 50), row("3", "c", 1, 20)];
    expect(topStatements(rows, 2).map((r) => r.query)).toEqual(["b", "c"]);
  });
});

describe("shortStatement", () => {
  it("drops the schema and quotes, keeps one line, escapes table pipes and cuts long text", () => {
    expect(
      shortStatement(
        'select "intervention"."students"."id"\n  from "intervention"."students" where a || b',
      ),
    ).toBe("select students.id from students where a \\|\\| b");
    expect(shortStatement("x".repeat(300), 20)).toBe(`${"x".repeat(19)}…`);
  });
});

describe("topPerRequestText", () => {
  it("names each statement with its calls and PostgreSQL ms per request", () => {
    const rows = [
      row("1", 'select "intervention"."students"."id" from x', 2, 12.34),
      row("2", "insert", 0.5, 1),
    ];
    expect(topPerRequestText(rows)).toBe(
      "`select students.id from x` 2.0× 12.3 ms; `insert` 0.5× 1.0 ms",
    );
  });
});
