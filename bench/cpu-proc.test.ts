import { describe, expect, it } from "vitest";
import { cpuMsOfTrees, cpuMsPerRequest, parseProcStat, postmasterPid, treeTicks } from "./cpu-proc";

// A real line of /proc/<pid>/stat (a postgres backend), with a command name holding spaces and
// a parenthesis, as a process may name itself.
const line = (pid: number, name: string, ppid: number, times: [number, number, number, number]) =>
  `${pid} (${name}) S ${ppid} 22472 22472 0 -1 4194624 2313 0 0 0 ${times.join(" ")} 20 0 1 0 272934 229120000 7323 18446744073709551615 1 1 0 0 0 0 4194304 19935232 201326659 0 0 0 17 1 0 0 0 0 0`;

describe("parseProcStat", () => {
  it("reads the pid, parent and the four CPU times in clock ticks", () => {
    expect(parseProcStat(line(22522, "postgres", 22472, [3712, 95, 0, 0]))).toEqual({
      pid: 22522,
      ppid: 22472,
      utime: 3712,
      stime: 95,
      cutime: 0,
      cstime: 0,
    });
  });

  it("counts the fields from the last parenthesis, whatever the command name holds", () => {
    const stat = parseProcStat(line(7, "next-server (v16) S 1 2 3", 1, [10, 20, 30, 40]));
    expect(stat).toMatchObject({ pid: 7, ppid: 1, utime: 10, stime: 20, cutime: 30, cstime: 40 });
  });

  it("refuses a line that is not a stat line", () => {
    expect(() => parseProcStat("")).toThrow(/Not a \/proc stat line/);
    expect(() => parseProcStat("12 (short) S 1")).toThrow(/Field 14 missing/);
  });
});

describe("treeTicks", () => {
  const stats = [
    parseProcStat(line(100, "postgres", 1, [50, 10, 400, 100])), // postmaster: ended backends' time
    parseProcStat(line(101, "postgres", 100, [30, 5, 0, 0])),
    parseProcStat(line(102, "postgres", 100, [20, 5, 0, 0])),
    parseProcStat(line(103, "worker", 102, [1, 1, 0, 0])),
    parseProcStat(line(200, "node", 1, [900, 100, 0, 0])), // another tree
  ];

  it("adds the root's own and charged time and every live descendant's", () => {
    expect(treeTicks(stats, 100)).toBe(50 + 10 + 400 + 100 + 35 + 25 + 2);
    expect(treeTicks(stats, 200)).toBe(1000);
  });

  it("is 0 for a process that is not there", () => {
    expect(treeTicks(stats, 999)).toBe(0);
  });

  it("keeps a backend's time when it ends between two readings: its parent is charged it", () => {
    const before = treeTicks(stats, 100);
    const ended = stats
      .filter((s) => s.pid !== 101)
      .map((s) => (s.pid === 100 ? { ...s, cutime: s.cutime + 30, cstime: s.cstime + 5 } : s));
    expect(treeTicks(ended, 100) - before).toBe(0);
  });
});

describe("cpuMsPerRequest", () => {
  it("divides the CPU of the interval by the requests", () => {
    expect(cpuMsPerRequest(1000, 1500, 100)).toBe(5);
  });

  it("has no answer without requests and never goes below 0", () => {
    expect(cpuMsPerRequest(1000, 1500, 0)).toBeNull();
    expect(cpuMsPerRequest(1500, 1000, 10)).toBe(0);
  });
});

describe("postmasterPid", () => {
  it("is the first line of postmaster.pid", () => {
    expect(postmasterPid("22472\n/work/main/.data/bench/pg\n1765086240\n54360\n")).toBe(22472);
  });

  it("refuses a file without a process id", () => {
    expect(() => postmasterPid("\n")).toThrow(/no process id/);
  });
});

describe("cpuMsOfTrees", () => {
  it("reads this process's CPU as Node itself counts it", () => {
    const [before] = cpuMsOfTrees([process.pid]);
    const start = process.cpuUsage();
    let spin = 0;
    // Until Node counts 300 ms of CPU (however long that takes on a busy machine).
    for (;;) {
      for (let i = 0; i < 100_000; i++) spin += Math.sqrt(i);
      const used = process.cpuUsage(start);
      if (used.user + used.system >= 300_000) break;
    }
    const [after] = cpuMsOfTrees([process.pid]);
    expect(spin).toBeGreaterThan(0);
    // Clock ticks are 10 ms, and the readings sit a little outside Node's.
    expect(after! - before!).toBeGreaterThanOrEqual(250);
    expect(after! - before!).toBeLessThan(1000);
  });
});
