import { recordRead } from "@/db/queries/audit";
import { disclosuresOf } from "@/db/queries/audit-trail";
import { apiReadsOf } from "@/db/queries/families/disclosures";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { API_TOKEN_REQUEST } from "../tokens/authenticate-token";
import { loadFamilyRecord } from "./family-record-access";

/** One line of a child's disclosure log (FERPA, 34 CFR 99.32): when, to whom, why, what. */
export interface DisclosureEntry {
  /** The disclosure's id; for API reads `api-token:<token id>:<day>`. */
  id: string;
  /** `recorded`: an export or a referral packet; `api`: a service read records through the API. */
  source: "recorded" | "api";
  /** When it left; for API reads, the first read of that day. */
  disclosedAt: Date;
  /** Who received it; for API reads, the service's token as the district named it. */
  disclosedTo: string;
  /** Why, as stated when it left; API reads state none (null). */
  purpose: string | null;
  /** What left: `compliance-export`, `referral-packet`…; null for API reads (see `views`). */
  kind: string | null;
  /** API reads: what was read (`profile`, `progress`, `intervention-history`…). */
  views: string[];
  /** API reads: how many requests read the child's records that day; 1 for the others. */
  requests: number;
  /** The school official who released it; null for API reads. */
  disclosedByName: string | null;
}

const kindOf = (details: unknown): string | null =>
  typeof details === "object" &&
  details !== null &&
  "kind" in details &&
  typeof details.kind === "string"
    ? details.kind
    : null;

/**
 * A child's disclosure log: who outside the family saw or received the child's records — the
 * compliance exports and referral packets recorded as disclosures, and what other services read
 * through the district's API — newest first. Staff reads in the app are the school's own use, not
 * disclosures, and are not listed. For the child's guardians and team (loadFamilyRecord); a
 * staff member's look at the log is itself logged as a read.
 */
export async function listDisclosures(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const { student } = await loadFamilyRecord(tx, actor, studentId);
    const [recorded, apiReads] = await Promise.all([
      disclosuresOf(tx, actor.tenantId, studentId),
      apiReadsOf(tx, actor.tenantId, studentId, {
        requestPrefix: API_TOKEN_REQUEST,
        timeZone: actor.timeZone,
      }),
    ]);
    const items: DisclosureEntry[] = [
      ...recorded.map((d) => ({
        id: d.id,
        source: "recorded" as const,
        disclosedAt: d.disclosedAt,
        disclosedTo: d.disclosedTo,
        purpose: d.purpose,
        kind: kindOf(d.details),
        views: [],
        requests: 1,
        disclosedByName: d.disclosedByName,
      })),
      ...apiReads.map((read) => ({
        id: `${API_TOKEN_REQUEST}${read.tokenId}:${read.day}`,
        source: "api" as const,
        disclosedAt: read.firstReadAt,
        disclosedTo: read.tokenName ?? `API token ${read.tokenId}`,
        purpose: null,
        kind: null,
        views: read.views,
        requests: read.requests,
        disclosedByName: null,
      })),
    ].sort((a, b) => b.disclosedAt.getTime() - a.disclosedAt.getTime());
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "disclosures" },
    });
    return { student, items };
  });
}
