/**
 * `npm run audit:verify`: recomputes each district's hash-chained audit trail (its seals,
 * docs/decisions/0027-audit-seals.md) and names the first row that does not fit (district,
 * chain_seq, id, what differs), or a row that is not sealed and not on its way to a seal; then
 * prints each district's anchor: its latest chain position and hash
 * (docs/decisions/0019-audit-chain-anchors.md).
 *
 *   --anchors <file>         also compare with anchors kept earlier (a file of anchor lines, or
 *                            saved anchor e-mails): a rewritten or shortened chain is reported
 *   --write-anchors <file>   write the current anchors to <file>, one signed JSON line each
 *   --mail-anchors           e-mail each district's admins its anchor now (as the daily job does)
 *   --unsealed-grace <s>     how long a row may wait for its seal before that is a finding
 *                            (default 300 seconds; the sealer runs every second)
 *
 * Exit code 1 when a chain is broken or disagrees with an anchor. Connects like the other
 * scripts: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (the one `npm start` is
 * running, when it is).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { now } from "@/lib/clock";
import { anchorLine, parseAnchors } from "@/lib/domain/audit/anchor";
import { anchorSecret } from "@/lib/integrations/jobs/audit-anchor-job";
import { compareWithAnchors, takeAuditAnchors } from "@/lib/use-cases/audit/audit-anchors";
import { mailAuditAnchors } from "@/lib/use-cases/audit/mail-audit-anchors";
import {
  UNSEALED_GRACE_SECONDS,
  verifyAuditChains,
} from "@/lib/use-cases/audit/verify-audit-chain";
import { databaseOptions } from "./lib/database-options";
import { databaseUrlForScript } from "./lib/running-embedded";

const { values: flags } = parseArgs({
  options: {
    anchors: { type: "string" },
    "write-anchors": { type: "string" },
    "mail-anchors": { type: "boolean" },
    "unsealed-grace": { type: "string" },
  },
});

async function main(): Promise<number> {
  // Read before connecting: a missing or unreadable file stops here.
  const kept = flags.anchors ? parseAnchors(readFileSync(flags.anchors, "utf8")) : null;
  const grace = Number(flags["unsealed-grace"] ?? UNSEALED_GRACE_SECONDS);
  if (!Number.isFinite(grace) || grace < 0)
    throw new RangeError("--unsealed-grace takes a number of seconds, 0 or more");
  const secret = anchorSecret();
  const provisioned = await provisionDatabase(
    databaseOptions({ databaseUrl: await databaseUrlForScript() }),
  );
  const owner = connect(provisioned.ownerUrl, { max: 2 });
  try {
    // Anchors first: every row they cover is then checked by the chain pass below.
    const anchors = await takeAuditAnchors(owner.db, secret, now());
    const reports = await verifyAuditChains(owner.db, { unsealedGraceSeconds: grace });
    let broken = 0;
    for (const report of reports) {
      const anchor = anchors.find((a) => a.district === report.tenantId);
      const at = anchor
        ? `\n         anchor: chain_seq ${anchor.seq}, hash ${anchor.hash ?? "none"}`
        : "";
      const pending = report.pending > 0 ? `, ${report.pending} waiting for the sealer` : "";
      if (!report.broken) {
        console.log(
          `ok       ${report.name} (${report.tenantId}): ${report.rowsVerified} rows, chain intact${pending}${at}`,
        );
        continue;
      }
      broken += 1;
      const { chainSeq, id, problem } = report.broken;
      console.log(
        `BROKEN   ${report.name} (${report.tenantId}): first row that does not fit is chain_seq ${chainSeq ?? "none"}, id ${id}\n         ${problem}\n         (${report.rowsVerified} rows before it verified)${at}`,
      );
    }
    console.log(
      broken === 0
        ? `Audit chains intact: ${reports.length} district(s), every row fits its chain.`
        : `Audit trail check FAILED in ${broken} of ${reports.length} district(s).`,
    );

    let disagreeing = 0;
    if (kept && flags.anchors) {
      // A line that cannot be read cannot be checked: that fails the comparison too.
      for (const problem of kept.problems) console.log(`UNREAD   ${flags.anchors}, ${problem}`);
      disagreeing += kept.problems.length;
      const checks = await compareWithAnchors(owner.db, kept.anchors, secret);
      for (const { anchor, problem } of checks) {
        const which = `${anchor.name} (${anchor.district}) at chain_seq ${anchor.seq}, ${anchor.at}`;
        if (problem) disagreeing += 1;
        console.log(
          problem ? `MISMATCH ${which}\n         ${problem}` : `ok       anchor of ${which} holds`,
        );
      }
      console.log(
        disagreeing === 0
          ? `Anchors: ${checks.length} compared, the chains agree with every one.`
          : `Anchors: ${disagreeing} of ${checks.length} no longer agree with the chain: the audit trail was altered after they were taken.`,
      );
    }
    if (flags["write-anchors"]) {
      writeFileSync(flags["write-anchors"], anchors.map((a) => `${anchorLine(a)}\n`).join(""));
      console.log(`Anchors of ${anchors.length} district(s) written to ${flags["write-anchors"]}.`);
    }
    if (flags["mail-anchors"]) {
      const mailed = await mailAuditAnchors(owner.db, { secret, now: now() });
      console.log(
        `Anchors queued to ${mailed.messages} admin(s) of ${mailed.districts} district(s).`,
      );
    }
    return broken === 0 && disagreeing === 0 ? 0 : 1;
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
