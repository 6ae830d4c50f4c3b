import { describe, expect, it } from "vitest";
import { plansInLog } from "./plans";

/** Two auto_explain entries as PostgreSQL 18 writes them to stderr, around other log lines. */
const LOG = [
  "2026-12-07 15:40:00.101 UTC [4242] LOG:  checkpoint starting: time",
  "2026-12-07 15:40:00.123 UTC [4301] LOG:  duration: 0.412 ms  plan:",
  "\tQuery Text: select set_config('app.current_tenant', $1, true)",
  "\tResult  (cost=0.00..0.01 rows=1 width=64) (actual time=0.010..0.011 rows=1.00 loops=1)",
  "2026-12-07 15:40:00.170 UTC [4301] LOG:  duration: 251.680 ms  plan:",
  "\tQuery Text: ",
  "\t    with marks as (select s.intervention_id",
  "\t      from intervention.intervention_sessions s)",
  "\tHash Join  (cost=10.00..900.00 rows=100 width=16) (actual time=0.5..251.1 rows=36000.00 loops=1)",
  "\t  Hash Cond: (a.session_id = s.id)",
  "\t  Buffers: shared hit=12000 read=300",
  "2026-12-07 15:40:00.180 UTC [4377] LOG:  duration: 3.000 ms  plan:",
  "\tQuery Text: select id from pgboss.job where state = 'created'",
  "\tSeq Scan on job  (cost=0.00..1.00 rows=1 width=16) (actual time=0.001..0.002 rows=0.00 loops=1)",
  "2026-12-07 15:40:00.190 UTC [4242] LOG:  checkpoint complete",
  "",
].join("\n");

describe("the plans in the benchmark server's log", () => {
  it("reads each statement's time, text and plan, and leaves the job runner's out", () => {
    const plans = plansInLog(LOG);
    expect(plans).toHaveLength(2);
    expect(plans[0]).toEqual({
      durationMs: 0.412,
      query: "select set_config('app.current_tenant', $1, true)",
      plan: "Result  (cost=0.00..0.01 rows=1 width=64) (actual time=0.010..0.011 rows=1.00 loops=1)",
    });
    expect(plans[1]?.durationMs).toBe(251.68);
    expect(plans[1]?.query).toBe(
      "with marks as (select s.intervention_id from intervention.intervention_sessions s)",
    );
    expect(plans[1]?.plan.split("\n")).toEqual([
      "Hash Join  (cost=10.00..900.00 rows=100 width=16) (actual time=0.5..251.1 rows=36000.00 loops=1)",
      "  Hash Cond: (a.session_id = s.id)",
      "  Buffers: shared hit=12000 read=300",
    ]);
  });

  it("cuts a plan line with a long list of ids", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `id-${i}`).join(",");
    const [plan] = plansInLog(
      `x LOG:  duration: 1.000 ms  plan:\n\tQuery Text: select 1\n\tIndex Scan (cost=0.1..1.0 rows=1 width=1)\n\t  Index Cond: (id = ANY ('{${ids}}'))\n`,
    );
    const cond = plan?.plan.split("\n")[1] ?? "";
    expect(cond.length).toBe(241);
    expect(cond.endsWith("…")).toBe(true);
  });

  it("finds nothing in a log without plans", () => {
    expect(
      plansInLog("2026-12-07 15:40:00.101 UTC [4242] LOG:  checkpoint starting: time\n"),
    ).toEqual([]);
  });
});
