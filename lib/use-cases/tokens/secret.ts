import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners; 256 random bits after the prefix. */
const PREFIX = "nst_";

export function newApiTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Only this is stored: a leaked database does not leak working tokens. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
