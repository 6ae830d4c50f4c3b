import { and, desc, eq, like, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { apiTokens, auditLog, communications } from "../../schema";

/*
 * The family's view of a child's record (issue 13, point 3): what left the district (the API
 * reads of other services, beside the disclosure rows ../audit-trail.ts → disclosuresOf reads),
 * and what was sent to the family.
 */

/**
 * The child's records other services read through the district's API, one entry per token and
 * district day: the read log's rows (`<entity>.read`, db/queries/audit.ts → recordRead) of the
 * requests a bearer token made, which the route wrapper marks by a request id starting with
 * `requestPrefix` and the token's id (lib/server/route.ts → apiRoute). Staff reads in the app
 * carry no such mark and are not disclosures.
 */
export async function apiReadsOf(
  tx: Tx,
  tenantId: string,
  studentId: string,
  options: { requestPrefix: string; timeZone: string },
) {
  // A subquery names the day and token once, so the grouping below repeats no parameter.
  const reads = tx
    .select({
      tokenId: sql<string>`split_part(${auditLog.requestId}, ':', 2)`.as("token_id"),
      day: sql<string>`to_char(${auditLog.occurredAt} at time zone ${options.timeZone}, 'YYYY-MM-DD')`.as(
        "day",
      ),
      occurredAt: auditLog.occurredAt,
      requestId: auditLog.requestId,
      // What was shown: the view a read names (progress, profile…), else the kind of record.
      view: sql<string>`coalesce(${auditLog.after}->>'view', ${auditLog.entityType})`.as("view"),
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.studentId, studentId),
        like(auditLog.action, "%.read"),
        sql`starts_with(${auditLog.requestId}, ${options.requestPrefix})`,
      ),
    )
    .as("reads");
  // The token id is text inside the request id, hence a join on an expression rather than tenantJoin.
  const sameToken: SQL = and(
    eq(apiTokens.tenantId, tenantId),
    sql`${apiTokens.id}::text = ${reads.tokenId}`,
  )!;
  return tx
    .select({
      tokenId: reads.tokenId,
      tokenName: apiTokens.name,
      day: reads.day,
      firstReadAt: sql<Date>`min(${reads.occurredAt})`.mapWith(auditLog.occurredAt),
      requests: sql<number>`count(distinct ${reads.requestId})`.mapWith(Number),
      views: sql<string[]>`array_agg(distinct ${reads.view} order by ${reads.view})`,
    })
    .from(reads)
    .leftJoin(apiTokens, sameToken)
    .groupBy(reads.tokenId, reads.day, apiTokens.name);
}

/**
 * The messages to the child's family, newest first, as the communications log keeps them:
 * channel, language, template version, delivery status. `toGuardian` narrows it to the messages
 * one guardian was sent; null is every guardian's (the team's view).
 */
export async function communicationsLogOf(
  tx: Tx,
  tenantId: string,
  studentId: string,
  toGuardian: string | null,
) {
  return tx
    .select({
      id: communications.id,
      kind: communications.kind,
      channel: communications.channel,
      language: communications.language,
      templateVersion: communications.templateVersion,
      toAddress: communications.toAddress,
      subject: communications.subject,
      reason: communications.reason,
      required: communications.required,
      status: communications.status,
      createdAt: communications.createdAt,
      sentAt: communications.sentAt,
    })
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.studentId, studentId),
        toGuardian === null ? undefined : eq(communications.guardianId, toGuardian),
      ),
    )
    .orderBy(desc(communications.createdAt), desc(communications.id));
}
