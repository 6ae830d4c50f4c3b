import { and, asc, eq, gt, sql } from "drizzle-orm";
import { nowMs } from "@/lib/clock";
import type { Database, Tx } from "../client";
import {
  assessmentResults,
  assessments,
  districts,
  inboxEvents,
  outbox,
  parkedMessages,
  schools,
  staff,
  students,
} from "../schema";
import { assessmentResultKey } from "./assessments";
import { returnedRow } from "./returned-row";

/**
 * The outbox as the relay and the events feed see it. An event is published exactly when its
 * `feed_position` is set (together with `published_at`); the relay keys on `feed_position is null`
 * because the `(tenant_id, feed_position)` index then finds a district's waiting rows directly.
 */

let lastMillis = 0;
let counter = 0;

/**
 * A UUID version 7 whose byte order is the order of creation in this process (RFC 9562,
 * method 1: a 12-bit counter within the millisecond). Outbox rows of one transaction share
 * `created_at`, so the relay's `order by created_at, id` keeps them in the order they were
 * enqueued only because their ids are made by this.
 */
export function timeOrderedId(now: number = nowMs()): string {
  if (now > lastMillis) {
    lastMillis = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMillis += 1;
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let millis = lastMillis;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An outbox event as it is handed on: what NATS and the events feed carry (as a CloudEvent). */
export interface OutboxEvent {
  tenantId: string;
  id: string;
  type: string;
  subject: string;
  data: unknown;
  occurredAt: Date;
}

export interface ClaimedEvent extends OutboxEvent {
  attempts: number;
}

export interface ClaimOptions {
  /** Rows to hand back at most. */
  batchSize: number;
  /** Waiting rows looked at per district to pick the subjects of this batch. */
  scanPerDistrict: number;
}

/**
 * Claims waiting events for this relay, in the caller's (owner) transaction. Several relays may
 * run at once: each first takes a transaction-scoped advisory lock per (district, subject), and
 * only then locks the rows of the subjects it won (`FOR UPDATE SKIP LOCKED`). A subject therefore
 * belongs to one relay at a time, which publishes its rows in creation order; no row is
 * published by two relays, and the events of one student or intervention never overtake each other.
 */
export async function claimWaitingEvents(tx: Tx, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const rows = await tx.execute<{
    tenant_id: string;
    id: string;
    type: string;
    subject: string;
    data: unknown;
    occurred_at: string | Date;
    attempts: number;
  }>(sql`
    with candidates as materialized (
      select w.tenant_id, w.subject, min(w.created_at) as first_at
      from intervention.districts d
      cross join lateral (
        select o.tenant_id, o.subject, o.created_at from intervention.outbox o
        where o.tenant_id = d.id and o.feed_position is null
        order by o.created_at, o.id
        limit ${options.scanPerDistrict}
      ) w
      group by w.tenant_id, w.subject
      order by first_at
      limit ${options.batchSize}
    ),
    won as materialized (
      select tenant_id, subject from candidates
      where pg_try_advisory_xact_lock(
        hashtextextended('intervention.outbox:' || tenant_id::text || ':' || subject, 0))
    )
    select o.tenant_id, o.id, o.type, o.subject, o.data, o.occurred_at, o.attempts
    from intervention.outbox o
    join won on won.tenant_id = o.tenant_id and won.subject = o.subject
    where o.feed_position is null
    order by o.created_at, o.id
    limit ${options.batchSize}
    for update of o skip locked`);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    id: row.id,
    type: row.type,
    subject: row.subject,
    data: row.data,
    occurredAt: new Date(row.occurred_at),
    attempts: row.attempts,
  }));
}

/**
 * Marks events published, in the order given, with the next feed positions. The positions are
 * drawn under one transaction-scoped lock held until commit, so positions become visible in
 * increasing order: a feed reader that has seen position N never later finds a smaller one.
 */
export async function markPublished(
  tx: Tx,
  events: Pick<ClaimedEvent, "tenantId" | "id">[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('intervention.outbox_feed', 0))`,
  );
  const positions = await tx.execute<{ position: string }>(sql`
    select nextval('intervention.outbox_feed_position_seq') as position
    from generate_series(1, ${events.length}) order by position`);
  const assigned = events.map((event, index) => ({
    tenant_id: event.tenantId,
    id: event.id,
    position: positions[index]?.position,
  }));
  await tx.execute(sql`
    update intervention.outbox o
    set feed_position = v.position, published_at = clock_timestamp(), last_error = null
    from jsonb_to_recordset(${JSON.stringify(assigned)}::jsonb) as v(tenant_id uuid, id uuid, position bigint)
    where o.tenant_id = v.tenant_id and o.id = v.id`);
}

/** Remembers why an event could not be handed on; it stays waiting and is tried again. */
export async function recordPublishFailure(
  tx: Tx,
  event: Pick<ClaimedEvent, "tenantId" | "id">,
  error: string,
): Promise<void> {
  await tx
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(and(eq(outbox.tenantId, event.tenantId), eq(outbox.id, event.id)));
}

export interface FeedEvent extends OutboxEvent {
  feedPosition: number;
  publishedAt: Date;
}

/** A district's published events after a feed position, in feed order (the events feed). */
export async function publishedEventsAfter(
  tx: Tx,
  tenantId: string,
  afterPosition: number,
  limit: number,
): Promise<FeedEvent[]> {
  const rows = await tx
    .select({
      tenantId: outbox.tenantId,
      id: outbox.id,
      type: outbox.type,
      subject: outbox.subject,
      data: outbox.data,
      occurredAt: outbox.occurredAt,
      feedPosition: outbox.feedPosition,
      publishedAt: outbox.publishedAt,
    })
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), gt(outbox.feedPosition, afterPosition)))
    .orderBy(asc(outbox.feedPosition))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    feedPosition: row.feedPosition ?? 0,
    publishedAt: row.publishedAt ?? row.occurredAt,
  }));
}

/**
 * Records an inbound event as applied, in the transaction that applies it. False when it was
 * applied before: the caller then skips the change, so a redelivery is applied once.
 */
export async function recordInboxEvent(
  tx: Tx,
  event: { tenantId: string; eventId: string; type: string; source: string | null },
): Promise<boolean> {
  const inserted = await tx
    .insert(inboxEvents)
    .values(event)
    .onConflictDoNothing({ target: [inboxEvents.tenantId, inboxEvents.eventId] })
    .returning({ eventId: inboxEvents.eventId });
  return inserted.length > 0;
}

/** Keeps a message that cannot be applied, with the reason, for an operator (owner role only). */
export async function parkMessage(
  db: Database,
  message: { subject: string; payload: string; reason: string; attempts: number },
): Promise<void> {
  await db.insert(parkedMessages).values({
    subject: message.subject.slice(0, 300),
    payload: message.payload,
    reason: message.reason.slice(0, 4000),
    attempts: message.attempts,
  });
}

/* ---- Applying consumed events (each inside withTenant for the event's district) ---- */

export async function districtExists(tx: Tx, tenantId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: districts.id })
    .from(districts)
    .where(eq(districts.id, tenantId));
  return rows.length > 0;
}

/** A school by SIS id, else by school code; null when the district has no such school. */
export async function schoolIdByReference(
  tx: Tx,
  tenantId: string,
  reference: { sourceId?: string; code?: string },
): Promise<string | null> {
  for (const [column, value] of [
    [schools.sourceId, reference.sourceId],
    [schools.code, reference.code],
  ] as const) {
    if (!value) continue;
    const [row] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.tenantId, tenantId), eq(column, value)))
      .limit(1);
    if (row) return row.id;
  }
  return null;
}

export interface RosterStudent {
  sourceId: string;
  localId: string;
  firstName: string;
  lastName: string;
  grade: number;
  birthDate?: string | null;
  schoolId: string;
  active: boolean;
}

/**
 * Creates or updates a student from the roster. A student the district entered before the SIS
 * knew them (same student number, no SIS id yet) is adopted rather than duplicated.
 */
export async function upsertRosterStudent(
  tx: Tx,
  tenantId: string,
  student: RosterStudent,
): Promise<string> {
  const values = {
    localId: student.localId,
    firstName: student.firstName,
    lastName: student.lastName,
    grade: student.grade,
    birthDate: student.birthDate ?? null,
    schoolId: student.schoolId,
    sourceId: student.sourceId,
    active: student.active,
  };
  const [existing] = await tx
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.tenantId, tenantId),
        sql`(${students.sourceId} = ${student.sourceId} or (${students.sourceId} is null and ${students.localId} = ${student.localId}))`,
      ),
    )
    .orderBy(sql`${students.sourceId} is null`)
    .limit(1);
  if (existing) {
    await tx
      .update(students)
      .set(values)
      .where(and(eq(students.tenantId, tenantId), eq(students.id, existing.id)));
    return existing.id;
  }
  const created = returnedRow(
    await tx
      .insert(students)
      .values({ tenantId, ...values })
      .returning({ id: students.id }),
  );
  return created.id;
}

export async function studentIdBySourceId(
  tx: Tx,
  tenantId: string,
  sourceId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.tenantId, tenantId), eq(students.sourceId, sourceId)));
  return row?.id ?? null;
}

export async function assessmentIdByName(
  tx: Tx,
  tenantId: string,
  name: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(eq(assessments.tenantId, tenantId), sql`lower(${assessments.name}) = lower(${name})`),
    )
    .limit(1);
  return row?.id ?? null;
}

/** One result per student, assessment, year and window: a corrected score replaces the old one. */
export async function upsertAssessmentResult(
  tx: Tx,
  result: typeof assessmentResults.$inferInsert,
): Promise<void> {
  await tx
    .insert(assessmentResults)
    .values(result)
    .onConflictDoUpdate({
      target: assessmentResultKey,
      set: {
        administeredOn: result.administeredOn,
        score: result.score,
        percentile: result.percentile ?? null,
      },
    });
}

export interface StaffDetails {
  schoolId: string | null;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  active: boolean;
}

/** Creates or updates a staff member by SIS id; `active` is their availability. */
export async function upsertStaffMember(
  tx: Tx,
  tenantId: string,
  sourceId: string,
  details: StaffDetails,
): Promise<void> {
  await tx
    .insert(staff)
    .values({ tenantId, sourceId, ...details })
    .onConflictDoUpdate({
      target: [staff.tenantId, staff.sourceId],
      targetWhere: sql`${staff.sourceId} is not null`,
      set: details,
    });
}
