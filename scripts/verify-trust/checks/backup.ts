/**
 * Backup and restore (issue 14, "Prove"): `pg_dump -Fc` of the run's database, `pg_restore` into
 * a fresh database on the same server, then: row-level security still forced on every tenant
 * table with the same policies, the service roles' privileges exactly the source's, the app role
 * serving a teacher's students from the copy, and the audit chain intact and agreeing with the
 * anchors taken before the dump.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { dropDatabase, ensureDatabase } from "@/db/bootstrap";
import { connect } from "@/db/client";
import { databaseName, urlForDatabase } from "@/db/roles";
import { now } from "@/lib/clock";
import { compareWithAnchors, takeAuditAnchors } from "@/lib/use-cases/audit/audit-anchors";
import { verifyAuditChains } from "@/lib/use-cases/audit/verify-audit-chain";
import { getStudentProfile } from "@/lib/use-cases/students/get-student-profile";
import { listMyStudents } from "@/lib/use-cases/students/list-my-students";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { catalogFacts, difference } from "../lib/backup-catalog";
import { pgDump, pgRestore, serverMajor, toolsFor } from "../lib/backup-tools";
import type { TrustCheck, TrustEnvironment, TrustRow } from "../types";

const AREA = "backup";

/** The app role on the copy, as a request would: a teacher's students, then one's profile. */
async function appServes(appUrl: string): Promise<TrustRow> {
  const app = connect(appUrl, { max: 1 });
  try {
    const actor = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
    const ctx = { db: app.db, actor, now, requestId: `verify-trust-${randomUUID()}` };
    const students = await listMyStudents(ctx);
    const first = students[0];
    const profile = first ? await getStudentProfile(ctx, first.id) : null;
    return {
      area: AREA,
      check: "the app serves from the copy (app role)",
      figure: profile
        ? `a teacher's ${students.length} students listed, one profile read`
        : "the teacher's students are missing",
      ok: profile !== null,
    };
  } finally {
    await app.close();
  }
}

async function auditIntact(
  ownerUrl: string,
  anchors: Awaited<ReturnType<typeof takeAuditAnchors>>,
  secret: string,
): Promise<TrustRow> {
  const owner = connect(ownerUrl, { max: 1 });
  try {
    const chains = await verifyAuditChains(owner.db);
    const broken = chains.filter((c) => c.broken).length;
    const rows = chains.reduce((sum, c) => sum + c.rowsVerified, 0);
    const disagree = (await compareWithAnchors(owner.db, anchors, secret)).filter((c) => c.problem);
    return {
      area: AREA,
      check: "audit chain of the copy",
      figure: `${chains.length - broken} of ${chains.length} chains intact (${rows} rows); ${anchors.length - disagree.length} of ${anchors.length} anchors taken before the dump agree`,
      ok: broken === 0 && disagree.length === 0 && chains.length > 0,
    };
  } finally {
    await owner.close();
  }
}

async function compareCatalogs(sourceAdminUrl: string, restoredAdminUrl: string) {
  const [source, restored] = await Promise.all([
    catalogFacts(sourceAdminUrl),
    catalogFacts(restoredAdminUrl),
  ]);
  const policies = difference(source.policies, restored.policies);
  const grants = difference(source.grants, restored.grants);
  const unforced = restored.tenantTables.filter((t) => !restored.forced.includes(t));
  const rls: TrustRow = {
    area: AREA,
    check: "RLS forced on every tenant table of the copy",
    figure: `${restored.forced.length} of ${restored.tenantTables.length} tables (source ${source.tenantTables.length}); ${restored.policies.length} policies, ${policies.missing.length + policies.extra.length} differ${unforced.length > 0 ? `; not forced: ${unforced.join(", ")}` : ""}`,
    ok:
      unforced.length === 0 &&
      restored.tenantTables.length === source.tenantTables.length &&
      source.tenantTables.length > 0 &&
      policies.missing.length + policies.extra.length === 0,
  };
  const sample = [
    ...grants.missing.map((g) => `missing ${g}`),
    ...grants.extra.map((g) => `extra ${g}`),
  ];
  const privileges: TrustRow = {
    area: AREA,
    check: "the service roles' privileges as in the source",
    figure: `${restored.grants.length - grants.extra.length} of ${source.grants.length} grants, ${grants.extra.length} extra${sample.length > 0 ? `: ${sample.slice(0, 3).join("; ")}` : ""}`,
    ok: sample.length === 0 && source.grants.length > 0,
  };
  return [rls, privileges];
}

async function backupAndRestore(environment: TrustEnvironment, admin: string): Promise<TrustRow[]> {
  const source = databaseName(environment.ownerDatabaseUrl);
  const sourceAdminUrl = urlForDatabase(admin, source);
  const major = await serverMajor(sourceAdminUrl);
  const tools = await toolsFor(major);
  if ("found" in tools) {
    const found = tools.found.length > 0 ? tools.found.join(", ") : "none";
    return [
      {
        area: AREA,
        check: "pg_dump / pg_restore",
        figure: `no pg_dump of PostgreSQL ${major} here (found: ${found}); install that client, or run with DATABASE_URL on a server of a version found`,
        ok: false,
      },
    ];
  }
  // Anchors first: the restored chain must reach at least as far, with the same hashes.
  const secret = randomBytes(32).toString("hex");
  const owner = connect(environment.ownerDatabaseUrl, { max: 1 });
  const anchors = await takeAuditAnchors(owner.db, secret, now()).finally(() => owner.close());

  const restoredName = `${source.slice(0, 40)}_restore_${randomBytes(4).toString("hex")}`;
  const file = path.join(environment.workDir, `${restoredName}.dump`);
  const started = performance.now();
  await pgDump(tools, sourceAdminUrl, file);
  await ensureDatabase(admin, restoredName);
  try {
    await pgRestore(tools, urlForDatabase(admin, restoredName), file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return [
      {
        area: AREA,
        check: `pg_dump -Fc → pg_restore into a fresh database (PostgreSQL ${major})`,
        figure: `dumped and restored in ${seconds} s`,
        ok: true,
      },
      ...(await compareCatalogs(sourceAdminUrl, urlForDatabase(admin, restoredName))),
      // The app writes to the copy (its read log) before the chain is checked.
      await appServes(urlForDatabase(environment.appDatabaseUrl, restoredName)),
      await auditIntact(
        urlForDatabase(environment.ownerDatabaseUrl, restoredName),
        anchors,
        secret,
      ),
    ];
  } finally {
    await dropDatabase(admin, restoredName);
    await rm(file, { force: true });
  }
}

const backup: TrustCheck = {
  name: "backup",
  async run(environment) {
    if (!environment.adminDatabaseUrl) {
      return [
        {
          area: AREA,
          check: "pg_dump / pg_restore",
          figure: "the run has no role that may create the database to restore into",
          ok: false,
        },
      ];
    }
    return backupAndRestore(environment, environment.adminDatabaseUrl);
  },
};

export default backup;
