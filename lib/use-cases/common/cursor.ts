import { ValidationError } from "@/lib/domain/errors";

export interface Cursor {
  at: string;
  id: string;
}

/** Opaque to clients: they pass back what they were given. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (
      typeof parsed.at === "string" &&
      typeof parsed.id === "string" &&
      !Number.isNaN(Date.parse(parsed.at))
    ) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through to the validation error below
  }
  throw new ValidationError([{ path: "cursor", message: "Not a cursor this API gave out." }]);
}
