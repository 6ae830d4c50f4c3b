import { describe, expect, it } from "vitest";
import { type Attempt, attackers, isRefusal, TAMPER_KINDS, tamperRows } from "./tamper-attempts";

describe("the attempts", () => {
  it("tries the worker role only when it exists, and a full-power superuser always", () => {
    expect(attackers(false).map((a) => a.name)).not.toContain("northstar_worker (set role)");
    expect(attackers(true).map((a) => a.name)).toContain("northstar_worker (set role)");
    expect(attackers(false).at(-1)?.prelude).toEqual([
      "set local session_replication_role = replica",
    ]);
  });

  it("aims each kind at the district's rows only", () => {
    const places = { tenantId: "d'1", middle: 3, newest: 7 };
    for (const kind of TAMPER_KINDS.filter((k) => !k.name.startsWith("truncate"))) {
      for (const statement of kind.statements(places)) {
        expect(statement).toContain("tenant_id = 'd''1'");
      }
    }
  });

  it("counts only the database's no as a refusal", () => {
    expect(isRefusal({ code: "42501" })).toBe(true);
    expect(isRefusal({ code: "P0001" })).toBe(true);
    expect(isRefusal({ code: "42601" })).toBe(false);
    expect(isRefusal(new Error("connection refused"))).toBe(false);
  });
});

describe("tamperRows", () => {
  const attempt = (attacker: string, outcome: Attempt["outcome"]): Attempt => ({
    attacker,
    kind: "edit a row's content",
    outcome,
  });

  it("prints a row per attacker and the share refused or detected", () => {
    const rows = tamperRows([
      attempt("app", "refused"),
      attempt("superuser", "detected by the chain"),
      attempt("superuser", "detected by the anchors"),
    ]);
    expect(rows.map((r) => r.ok)).toEqual([true, true, true]);
    expect(rows[1]!.figure).toBe(
      "2 of 2 refused or detected (1 detected by the chain, 1 detected by the anchors)",
    );
    expect(rows[2]!.figure).toBe("3 of 3 tampering attempts refused or detected (100 %)");
  });

  it("fails on an undetected change or an attempt that did not run", () => {
    const rows = tamperRows([attempt("superuser", "undetected"), attempt("app", "failed to run")]);
    expect(rows.map((r) => r.ok)).toEqual([false, false, false]);
    expect(rows[0]!.figure).toContain("missed: edit a row's content");
    expect(rows[2]!.figure).toBe("0 of 2 tampering attempts refused or detected (0 %)");
  });
});
