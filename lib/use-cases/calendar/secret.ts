import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners; 256 random bits after the prefix. */
const PREFIX = "nscal_";
const SHAPE = /^nscal_[A-Za-z0-9_-]{43}$/;

export function newCalendarFeedSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Only this is stored: a leaked database does not leak working feed addresses. */
export function hashCalendarFeedSecret(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a presented token could be one of ours at all (anything else is not looked up). */
export const isCalendarFeedSecret = (token: string) => SHAPE.test(token);

/** The address a calendar program subscribes to. */
export const calendarFeedUrl = (appUrl: string, token: string) => `${appUrl}/calendar/${token}.ics`;
