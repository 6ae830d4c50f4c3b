import type { Tx } from "@/db/client";
import { unsubscribeSubject } from "@/db/queries/communications/unsubscribe";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { letterLanguageFor } from "@/lib/domain/letters/templates";
import { type UnsubscribeClaims, verifyUnsubscribeToken } from "@/lib/domain/letters/unsubscribe";
import type { PublicContext } from "../context";

/** What the unsubscribe page and the one-click POST answer. */
export type UnsubscribeLinkState =
  | { state: "invalid" | "expired" }
  | {
      /** ready: optional mail still comes; done: it was stopped (now or before). */
      state: "ready" | "done";
      language: "en" | "es";
      districtName: string;
      stoppedAt: Date | null;
      /** The district's date of the stop. */
      stoppedOn: string | null;
    };

export type UnsubscribeSubject = NonNullable<Awaited<ReturnType<typeof unsubscribeSubject>>>;

/**
 * Verifies the token and loads the guardian it names, in the token's district (the only
 * credential: no sign-in), within one transaction.
 */
export async function withUnsubscribeLink<T>(
  ctx: PublicContext,
  token: string,
  fn: (tx: Tx, claims: UnsubscribeClaims, subject: UnsubscribeSubject) => Promise<T>,
): Promise<T | { state: "invalid" | "expired" }> {
  const verified = verifyUnsubscribeToken(token, ctx.secret, ctx.now());
  if (!verified.ok) return { state: verified.reason === "expired" ? "expired" : "invalid" };
  const { claims } = verified;
  return withTenant(ctx.db, { tenantId: claims.tenantId }, async (tx) => {
    const subject = await unsubscribeSubject(tx, claims.tenantId, claims.guardianId);
    if (!subject) return { state: "invalid" as const };
    return fn(tx, claims, subject);
  });
}

/** The page's view of a guardian: their language, and whether optional mail is stopped. */
export function describeUnsubscribeSubject(
  subject: UnsubscribeSubject,
  stoppedAt: Date | null,
): Exclude<UnsubscribeLinkState, { state: "invalid" | "expired" }> {
  return {
    state: stoppedAt ? "done" : "ready",
    language: letterLanguageFor(subject.language),
    districtName: subject.districtName,
    stoppedAt,
    // The family reads the date of its own district, not the server's (UTC) one.
    stoppedOn: stoppedAt ? todayIn(subject.districtTimeZone, stoppedAt) : null,
  };
}
