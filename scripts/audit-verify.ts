/**
 * `npm run audit:verify`: recomputes each district's hash-chained audit trail and names the first
 * row that does not fit (district, chain_seq, id, what differs). Exit code 1 when any does.
 * Connects like the other scripts: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR
 * (the one `npm start` is running, when it is).
 */
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { verifyAuditChains } from "@/lib/use-cases/audit/verify-audit-chain";
import { databaseOptions } from "./lib/database-options";
import { databaseUrlForScript } from "./lib/running-embedded";

async function main(): Promise<number> {
  const provisioned = await provisionDatabase(
    databaseOptions({ databaseUrl: await databaseUrlForScript() }),
  );
  const owner = connect(provisioned.ownerUrl, { max: 2 });
  try {
    const reports = await verifyAuditChains(owner.db);
    let broken = 0;
    for (const report of reports) {
      if (!report.broken) {
        console.log(
          `ok       ${report.name} (${report.tenantId}): ${report.rowsVerified} rows, chain intact`,
        );
        continue;
      }
      broken += 1;
      const { chainSeq, id, problem } = report.broken;
      console.log(
        `BROKEN   ${report.name} (${report.tenantId}): first row that does not fit is chain_seq ${chainSeq ?? "none"}, id ${id}\n         ${problem}\n         (${report.rowsVerified} rows before it verified)`,
      );
    }
    console.log(
      broken === 0
        ? `Audit trail verified: ${reports.length} district(s), no tampering found.`
        : `Audit trail check FAILED in ${broken} of ${reports.length} district(s).`,
    );
    return broken === 0 ? 0 : 1;
  } finally {
    await owner.close();
    await provisioned.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
