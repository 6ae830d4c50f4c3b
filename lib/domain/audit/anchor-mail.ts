import { anchorLine, type SignedAuditAnchor } from "./anchor";

/**
 * The message that carries a district's anchor to its admins, who keep it where the database
 * cannot reach (their mail archive). Its last line is the anchor itself, which
 * `npm run audit:verify -- --anchors <file>` reads from a file of saved messages.
 */
export function anchorMail(anchor: SignedAuditAnchor): { subject: string; body: string } {
  return {
    subject: `Audit trail anchor for ${anchor.name}: position ${anchor.seq}`,
    body: [
      `Audit trail anchor for ${anchor.name}`,
      "",
      `Position in the chain: ${anchor.seq}`,
      `Hash of that row: ${anchor.hash ?? "none (no audit rows yet)"}`,
      `Taken at: ${anchor.at} (UTC)`,
      "",
      "Please keep this message. It records how far your district's audit trail reached at that",
      "moment and how it ended, signed by the server. If audit rows up to this point are ever",
      "rewritten or deleted, even with their hashes recomputed, the trail will no longer agree",
      "with this anchor, and no one can make a new anchor without the server's secret.",
      "",
      "To check, your operator saves the line below in a file and runs",
      "  npm run audit:verify -- --anchors <file>",
      "",
      anchorLine(anchor),
      "",
    ].join("\n"),
  };
}
