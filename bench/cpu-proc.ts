/**
 * CPU time of a process tree from Linux's /proc (issue 15: CPU per request, not only time). A
 * process's own user and system time plus what its children that have exited left it
 * (cutime, cstime: a parent that waits for its children is charged their time, as PostgreSQL's
 * postmaster is for every backend that ended), plus the same of each live descendant. A delta of
 * two readings is then the tree's CPU over the interval, with backends that came and went in it.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface ProcStat {
  pid: number;
  ppid: number;
  /** User, system, and waited-for children's user and system time, in clock ticks. */
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}

/**
 * One line of /proc/<pid>/stat (proc(5)). The second field is the command name in parentheses,
 * which may itself hold spaces and parentheses, so the fields are counted from the last ")".
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`Not a /proc stat line: ${line.slice(0, 80)}`);
  // After the name: state (field 3), ppid (4), …, utime (14), stime (15), cutime (16), cstime (17).
  const rest = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`Field ${n} missing in /proc stat line`);
    return value;
  };
  return {
    pid: Number(line.slice(0, open).trim()),
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    cutime: field(16),
    cstime: field(17),
  };
}

/**
 * The ticks of `root` and its descendants among `stats`: everything the root used and was
 * charged for its ended children, and the own and charged time of each live descendant.
 */
export function treeTicks(stats: readonly ProcStat[], root: number): number {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const self = stats.find((s) => s.pid === root);
  if (!self) return 0;
  let ticks = 0;
  const pending = [self];
  while (pending.length > 0) {
    const stat = pending.pop()!;
    ticks += stat.utime + stat.stime + stat.cutime + stat.cstime;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return ticks;
}

/** Every process's stat line that can still be read (a process may end while we look). */
function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${name}/stat`, "utf8")));
    } catch {
      // Ended between the listing and the read.
    }
  }
  return stats;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (USER_HZ; `getconf CLK_TCK`, 100 on Linux). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout);
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/** CPU milliseconds the trees under each of `roots` have used so far, in that order. */
export function cpuMsOfTrees(roots: readonly number[]): number[] {
  const stats = allStats();
  const msPerTick = 1000 / clockTicksPerSecond();
  return roots.map((root) => treeTicks(stats, root) * msPerTick);
}

/** CPU milliseconds per request between two readings of cpuMsOfTrees. */
export function cpuMsPerRequest(before: number, after: number, requests: number): number | null {
  if (requests <= 0) return null;
  return Math.max(0, after - before) / requests;
}

/** The postmaster's process id: the first line of postmaster.pid in the server's data folder. */
export function postmasterPid(pidFileText: string): number {
  const pid = Number(pidFileText.split("\n")[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error("postmaster.pid holds no process id");
  return pid;
}
