import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantIdColumn,
  updatedAtColumn,
} from "./common";
import { districtForeignKey, districtRowKeys } from "./district";

/**
 * Append-only record of every change (Scenario 12). The app role may INSERT and SELECT only;
 * see drizzle/0001_security.sql. Rows are inserted with no lock; the sealer chains them after
 * commit into `audit_seals` (drizzle/0018_audit_seals.sql, docs/decisions/0027-audit-seals.md).
 */
export const auditLog = interventionSchema.table(
  "audit_log",
  {
    tenantId: tenantIdColumn(),
    id: pg.bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    occurredAt: instantColumn("occurred_at").notNull().defaultNow(),
    actorUserId: pg.uuid("actor_user_id"),
    actorRole: pg.varchar("actor_role", { length: 20 }),
    action: pg.varchar("action", { length: 60 }).notNull(),
    entityType: pg.varchar("entity_type", { length: 60 }).notNull(),
    entityId: pg.uuid("entity_id"),
    /** The student the change concerns, so a compliance export per student is one index scan. */
    studentId: pg.uuid("student_id"),
    before: pg.jsonb("before"),
    after: pg.jsonb("after"),
    reason: pg.text("reason"),
    requestId: pg.varchar("request_id", { length: 100 }),
    /**
     * Rows written before migration 0018 only: their place in the chain, set by the insert
     * trigger of that time. Their seals carry the same place, prev_hash and hash; newer rows
     * leave these three null and are placed by the sealer.
     */
    chainSeq: pg.bigint("chain_seq", { mode: "number" }),
    prevHash: pg.varchar("prev_hash", { length: 64 }),
    hash: pg.varchar("hash", { length: 64 }),
  },
  (t) => [
    ...districtRowKeys(t),
    pg.index("audit_log_by_entity").on(t.tenantId, t.entityType, t.entityId),
    pg.index("audit_log_by_student").on(t.tenantId, t.studentId),
    pg.index("audit_log_by_time").on(t.tenantId, t.occurredAt),
    pg.uniqueIndex("audit_log_chain").on(t.tenantId, t.chainSeq),
  ],
);

/**
 * A district's audit chain: one seal per audit row, in the order the sealer found the rows
 * committed. `hash` covers the row's content, `position` and `prevHash` (the seal before), so
 * an edited, removed or reordered row breaks it. Written only by the sealer; triggers refuse
 * UPDATE, DELETE and TRUNCATE to every role.
 */
export const auditSeals = interventionSchema.table(
  "audit_seals",
  {
    tenantId: tenantIdColumn(),
    position: pg.bigint("position", { mode: "number" }).notNull(),
    auditId: pg.bigint("audit_id", { mode: "number" }).notNull(),
    prevHash: pg.varchar("prev_hash", { length: 64 }),
    hash: pg.varchar("hash", { length: 64 }).notNull(),
    sealedAt: instantColumn("sealed_at").notNull().defaultNow(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.position] }),
    pg.uniqueIndex("audit_seals_row").on(t.tenantId, t.auditId),
    districtForeignKey(t.tenantId),
  ],
);

/**
 * Audit rows committed but not sealed yet, queued by a trigger on insert: the sealer's work
 * list, so it never scans the log. A row missing from both here and the seals is a finding of
 * `npm run audit:verify`, which checks the log itself.
 */
export const auditUnsealed = interventionSchema.table(
  "audit_unsealed",
  {
    tenantId: tenantIdColumn(),
    auditId: pg.bigint("audit_id", { mode: "number" }).notNull(),
    queuedAt: instantColumn("queued_at").notNull().default(sql`clock_timestamp()`),
  },
  (t) => [pg.primaryKey({ columns: [t.tenantId, t.auditId] }), districtForeignKey(t.tenantId)],
);

/**
 * Transactional outbox: a domain event is written in the same transaction as the change it
 * describes, and a relay publishes committed rows (to NATS when configured).
 */
export const outbox = interventionSchema.table(
  "outbox",
  {
    tenantId: tenantIdColumn(),
    id: pg.uuid("id").notNull(),
    type: pg.varchar("type", { length: 100 }).notNull(),
    /** What the event is about (e.g. `student/<id>`); events of one subject keep their order. */
    subject: pg.varchar("subject", { length: 200 }).notNull(),
    data: pg.jsonb("data").notNull(),
    occurredAt: instantColumn("occurred_at").notNull(),
    /** Set when the relay has handed the event on; null = waiting. */
    publishedAt: instantColumn("published_at"),
    /** Position in the published feed, assigned when published (so late commits are never skipped). */
    feedPosition: pg.bigint("feed_position", { mode: "number" }),
    attempts: pg.integer("attempts").notNull().default(0),
    lastError: pg.text("last_error"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    // Only the waiting rows: the relay polls for them, and published rows pile up for good.
    pg
      .index("outbox_unpublished")
      .on(t.tenantId, t.createdAt, t.id)
      .where(sql`${t.feedPosition} is null`),
    pg.index("outbox_feed").on(t.tenantId, t.feedPosition),
  ],
);

/** Remembered responses for `Idempotency-Key` retries (create 10 min, attendance 5 min). */
export const idempotencyKeys = interventionSchema.table(
  "idempotency_keys",
  {
    tenantId: tenantIdColumn(),
    /** Operation and caller, e.g. `create-intervention:<user id>`: keys of different callers never collide. */
    scope: pg.varchar("scope", { length: 200 }).notNull(),
    key: pg.varchar("key", { length: 200 }).notNull(),
    requestHash: pg.varchar("request_hash", { length: 64 }).notNull(),
    responseStatus: pg.integer("response_status").notNull(),
    responseBody: pg.jsonb("response_body").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [pg.primaryKey({ columns: [t.tenantId, t.scope, t.key] }), districtForeignKey(t.tenantId)],
);

/** Global, non-tenant facts about the installation (e.g. when demo data was loaded). */
export const appMeta = interventionSchema.table("app_meta", {
  key: pg.varchar("key", { length: 100 }).primaryKey(),
  value: pg.jsonb("value").notNull(),
  updatedAt: updatedAtColumn(),
});
