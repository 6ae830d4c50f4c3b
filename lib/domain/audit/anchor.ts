import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Anchors of the audit chain, kept outside the database (docs/decisions/0019-audit-chain-anchors.md).
 * The chain alone cannot show that its newest rows were rewritten with their hashes recomputed,
 * or cut off: whoever can write the table can recompute the tail. An anchor records a district's
 * latest place in the chain (`seq`, `hash`) at a time (`at`), signed with a key derived from the
 * server's secret, so someone with database access alone can neither forge an anchor nor make a
 * rewritten chain match one kept earlier.
 *
 * The kept form is one JSON line per district ("anchor line"), e.g.
 * `{"v":1,"district":"<uuid>","name":"Maple Grove","seq":42,"hash":"ab…","at":"2026-…Z","sig":"…"}`.
 * `name` is for the reader and not signed; the rest is.
 */
export interface AuditAnchor {
  district: string;
  name: string;
  /** The chain's length then: the last row's chain_seq, 0 for a district with no row yet. */
  seq: number;
  /** That row's hash; null when the chain was empty. */
  hash: string | null;
  /** When the anchor was taken (ISO 8601, UTC). */
  at: string;
}

export interface SignedAuditAnchor extends AuditAnchor {
  sig: string;
}

const FORMAT_VERSION = 1;
/** The key is derived for this purpose, so a signature made here serves nothing else. */
const PURPOSE = "northstar-audit-anchor";

function signature(anchor: AuditAnchor, secret: string): Buffer {
  if (secret.length < 32)
    throw new RangeError("The signing secret must be at least 32 characters.");
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  const signed = [`v${FORMAT_VERSION}`, anchor.district, anchor.seq, anchor.hash ?? "", anchor.at];
  return createHmac("sha256", key).update(signed.join("|")).digest();
}

export function signAnchor(anchor: AuditAnchor, secret: string): SignedAuditAnchor {
  return { ...anchor, sig: signature(anchor, secret).toString("hex") };
}

export function anchorSignatureValid(anchor: SignedAuditAnchor, secret: string): boolean {
  const expected = signature(anchor, secret);
  const given = Buffer.from(anchor.sig, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The anchor as the one line that is kept (in a file, or in the e-mail an admin keeps). */
export function anchorLine(anchor: SignedAuditAnchor): string {
  const { district, name, seq, hash, at, sig } = anchor;
  return JSON.stringify({ v: FORMAT_VERSION, district, name, seq, hash, at, sig });
}

function asAnchor(value: unknown): SignedAuditAnchor | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    v.v === FORMAT_VERSION &&
    typeof v.district === "string" &&
    typeof v.name === "string" &&
    Number.isSafeInteger(v.seq) &&
    (v.seq as number) >= 0 &&
    (typeof v.hash === "string" || (v.hash === null && v.seq === 0)) &&
    typeof v.at === "string" &&
    typeof v.sig === "string" &&
    /^[0-9a-f]{64}$/.test(v.sig);
  if (!ok) return null;
  return {
    district: v.district as string,
    name: v.name as string,
    seq: v.seq as number,
    hash: v.hash as string | null,
    at: v.at as string,
    sig: v.sig as string,
  };
}

/**
 * The anchors in a text: every line that is an anchor line, whatever surrounds it, so a file
 * written by `audit:verify --write-anchors` and the text of the anchor e-mails, pasted one after
 * the other, both read. Lines that start like an anchor but are not one are named in `problems`.
 */
export function parseAnchors(text: string): { anchors: SignedAuditAnchor[]; problems: string[] } {
  const anchors: SignedAuditAnchor[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith("{")) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`line ${index + 1}: not JSON`);
      return;
    }
    const anchor = asAnchor(parsed);
    if (anchor) anchors.push(anchor);
    else problems.push(`line ${index + 1}: not an audit anchor (version ${FORMAT_VERSION})`);
  });
  return { anchors, problems };
}

/** What the chain holds now at an anchor's place: its latest position and the row at `seq`. */
export interface ChainNow {
  /** The district's latest chain_seq (0 when it has no row). */
  latestSeq: number;
  /** The hash stored now on the row at the anchor's `seq`; null when there is no such row. */
  hashAtSeq: string | null;
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : "none");

/**
 * Why the chain no longer agrees with an anchor kept earlier, or null when it does: the chain may
 * only have grown since, with the anchored row unchanged.
 */
export function anchorDisagreement(anchor: AuditAnchor, now: ChainNow): string | null {
  if (anchor.seq === 0) return null;
  if (now.latestSeq < anchor.seq || now.hashAtSeq === null) {
    return `the chain is shorter than anchored: it ends at chain_seq ${now.latestSeq}, the anchor of ${anchor.at} recorded ${anchor.seq} (rows were deleted)`;
  }
  if (now.hashAtSeq !== anchor.hash) {
    return `chain_seq ${anchor.seq} has hash ${short(now.hashAtSeq)}, the anchor of ${anchor.at} recorded ${short(anchor.hash)}: the chain was rewritten up to or past that row`;
  }
  return null;
}
