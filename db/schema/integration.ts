import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import { ROLES } from "../../lib/domain/policy/actor";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  tenantIdColumn,
  tenantRowColumns,
} from "./common";
import { districtForeignKey, districtRowKeys } from "./district";

/** Bearer tokens for services and scripts: stored hashed, scoped to one district and one role. */
export const apiTokens = interventionSchema.table(
  "api_tokens",
  {
    ...tenantRowColumns(),
    name: pg.varchar("name", { length: 100 }).notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: pg.varchar("token_hash", { length: 64 }).notNull(),
    role: pg.varchar("role", { length: 20, enum: ROLES }).notNull(),
    createdBy: pg.uuid("created_by"),
    createdAt: createdAtColumn(),
    lastUsedAt: instantColumn("last_used_at"),
    revokedAt: instantColumn("revoked_at"),
    /** From this instant on the token is refused (decision 0013): no token lives for ever. */
    expiresAt: instantColumn("expires_at").notNull(),
  },
  (t) => [
    ...districtRowKeys(t),
    // Like the sign-in e-mail, a presented token is looked up before its district is known.
    pg.uniqueIndex("api_tokens_hash").on(t.tokenHash),
  ],
);

/** Events of other services already applied, so a redelivery is applied once. */
export const inboxEvents = interventionSchema.table(
  "inbox_events",
  {
    tenantId: tenantIdColumn(),
    eventId: pg.varchar("event_id", { length: 200 }).notNull(),
    type: pg.varchar("type", { length: 100 }).notNull(),
    source: pg.varchar("source", { length: 200 }),
    processedAt: instantColumn("processed_at").notNull().defaultNow(),
  },
  (t) => [pg.primaryKey({ columns: [t.tenantId, t.eventId] }), districtForeignKey(t.tenantId)],
);

/**
 * Messages that could not be applied after bounded retries, kept with the reason. Global: a
 * malformed message may not even name its district. Read by operators, never by requests.
 */
export const parkedMessages = interventionSchema.table("parked_messages", {
  id: pg.uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  subject: pg.varchar("subject", { length: 300 }).notNull(),
  payload: pg.text("payload").notNull(),
  reason: pg.text("reason").notNull(),
  attempts: pg.integer("attempts").notNull(),
  parkedAt: instantColumn("parked_at").notNull().defaultNow(),
});

/** A record of each disclosure of student records outside the district (FERPA 99.32). */
export const disclosures = interventionSchema.table(
  "disclosures",
  {
    ...tenantRowColumns(),
    studentId: pg.uuid("student_id"),
    disclosedTo: pg.text("disclosed_to").notNull(),
    purpose: pg.text("purpose").notNull(),
    /** What left: e.g. { kind: "compliance-export", format: "csv", rows: 120 }. */
    details: pg.jsonb("details").notNull().default({}),
    disclosedBy: pg.uuid("disclosed_by"),
    disclosedAt: instantColumn("disclosed_at").notNull().defaultNow(),
  },
  (t) => districtRowKeys(t),
);
