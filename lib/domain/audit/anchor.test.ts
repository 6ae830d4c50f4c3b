import { describe, expect, it } from "vitest";
import {
  type AuditAnchor,
  anchorDisagreement,
  anchorLine,
  anchorSignatureValid,
  parseAnchors,
  signAnchor,
} from "./anchor";

const SECRET = "s".repeat(40);
const OTHER_SECRET = "o".repeat(40);
const anchor: AuditAnchor = {
  district: "6f1c2a2e-0d4b-4a53-9d7e-1b1c1d1e1f10",
  name: "Maple Grove",
  seq: 42,
  hash: "a".repeat(64),
  at: "2026-12-07T11:00:00.000Z",
};

describe("signed anchors", () => {
  it("verify with the key they were signed with, and only with it", () => {
    const signed = signAnchor(anchor, SECRET);
    expect(anchorSignatureValid(signed, SECRET)).toBe(true);
    expect(anchorSignatureValid(signed, OTHER_SECRET)).toBe(false);
  });

  it("do not verify once the place, hash, time or district is changed", () => {
    const signed = signAnchor(anchor, SECRET);
    for (const forged of [
      { ...signed, seq: 41 },
      { ...signed, hash: "b".repeat(64) },
      { ...signed, at: "2026-12-08T11:00:00.000Z" },
      { ...signed, district: "00000000-0000-4000-8000-000000000000" },
    ]) {
      expect(anchorSignatureValid(forged, SECRET)).toBe(false);
    }
  });

  it("refuse a short secret", () => {
    expect(() => signAnchor(anchor, "short")).toThrow(RangeError);
  });
});

describe("anchor lines", () => {
  it("read back what was written, from a file or from the text of an e-mail", () => {
    const signed = signAnchor(anchor, SECRET);
    const mail = `Audit anchor of Maple Grove\n\nPosition: 42\n\n  ${anchorLine(signed)}\n\nKeep this message.`;
    expect(parseAnchors(mail)).toEqual({ anchors: [signed], problems: [] });
    const empty = signAnchor({ ...anchor, seq: 0, hash: null }, SECRET);
    expect(parseAnchors(`${anchorLine(signed)}\n${anchorLine(empty)}\n`).anchors).toEqual([
      signed,
      empty,
    ]);
  });

  it("name lines that look like anchors and are not", () => {
    const { anchors, problems } = parseAnchors('{"v":1,"district":"x"}\n{not json\n');
    expect(anchors).toEqual([]);
    expect(problems).toEqual(["line 1: not an audit anchor (version 1)", "line 2: not JSON"]);
  });
});

describe("anchorDisagreement", () => {
  it("accepts a chain that only grew after the anchor", () => {
    expect(anchorDisagreement(anchor, { latestSeq: 42, hashAtSeq: anchor.hash })).toBeNull();
    expect(anchorDisagreement(anchor, { latestSeq: 900, hashAtSeq: anchor.hash })).toBeNull();
    expect(
      anchorDisagreement({ ...anchor, seq: 0, hash: null }, { latestSeq: 0, hashAtSeq: null }),
    ).toBeNull();
  });

  it("names a rewritten anchored row", () => {
    expect(anchorDisagreement(anchor, { latestSeq: 42, hashAtSeq: "c".repeat(64) })).toMatch(
      /chain_seq 42 has hash cccccccccccc…, the anchor .* recorded aaaaaaaaaaaa…: the chain was rewritten/,
    );
  });

  it("names a chain cut shorter than anchored", () => {
    expect(anchorDisagreement(anchor, { latestSeq: 40, hashAtSeq: null })).toMatch(
      /ends at chain_seq 40, the anchor .* recorded 42 \(rows were deleted\)/,
    );
  });
});
