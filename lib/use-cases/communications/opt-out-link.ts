import type { Tx } from "@/db/client";
import { optOutSubject } from "@/db/queries/communications/opt-out";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { letterSettingsOf } from "@/lib/domain/letters/enrollment-letter";
import { type OptOutClaims, verifyOptOutToken } from "@/lib/domain/letters/opt-out-token";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import type { PublicContext } from "../context";

export type OptOutLinkState =
  | { state: "invalid" | "expired" }
  | {
      state: "not-offered" | "ready" | "done";
      language: "en" | "es";
      studentFirstName: string;
      interventionName: string;
      districtName: string;
      schedule: {
        days: string[];
        startTime: string;
        minutes: number;
        startDate: string;
        endDate: string;
      };
      decidedAt: Date | null;
      /** The district's date of the decision. */
      decidedOn: string | null;
    };

export type OptOutSubject = NonNullable<Awaited<ReturnType<typeof optOutSubject>>>;

/** Verifies the token and loads what it is about, in the token's district, within `tx`. */
export async function withOptOutLink<T>(
  ctx: PublicContext,
  token: string,
  fn: (tx: Tx, claims: OptOutClaims, subject: OptOutSubject) => Promise<T>,
): Promise<T | { state: "invalid" | "expired" }> {
  const verified = verifyOptOutToken(token, ctx.secret, ctx.now());
  if (!verified.ok) return { state: verified.reason === "expired" ? "expired" : "invalid" };
  const { claims } = verified;
  return withTenant(ctx.db, { tenantId: claims.tenantId }, async (tx) => {
    const subject = await optOutSubject(
      tx,
      claims.tenantId,
      claims.enrollmentId,
      claims.guardianId,
    );
    if (!subject) return { state: "invalid" as const };
    return fn(tx, claims, subject);
  });
}

export function describeSubject(
  subject: OptOutSubject,
  decidedAt: Date | null,
): Exclude<OptOutLinkState, { state: "invalid" | "expired" }> {
  const offered = letterSettingsOf(subject.districtSettings).optOut === "one-click";
  return {
    state: decidedAt ? "done" : offered ? "ready" : "not-offered",
    language: letterLanguageFor(subject.guardianLanguage),
    studentFirstName: subject.studentFirstName,
    interventionName: subject.interventionName,
    districtName: subject.districtName,
    schedule: {
      days: subject.scheduleDays,
      startTime: subject.startTime,
      minutes: subject.sessionMinutes,
      startDate: subject.startDate,
      endDate: subject.endDate,
    },
    decidedAt,
    // The family reads the date of its own district, not the server's (UTC) one.
    decidedOn: decidedAt ? todayIn(subject.districtTimeZone, decidedAt) : null,
  };
}
