import { sql } from "drizzle-orm";
import * as pg from "drizzle-orm/pg-core";
import { ROLES } from "../../lib/domain/policy/actor";
import { LOWEST_TIER } from "../../lib/domain/tiers/tier";
import {
  createdAtColumn,
  instantColumn,
  interventionSchema,
  sourceIdColumn,
  sourceIdIndex,
  tenantForeignKey,
  tenantIdColumn,
  tenantPrimaryKey,
  tenantRowColumns,
} from "./common";
import { districtRowKeys, schools } from "./district";

export const staff = interventionSchema.table(
  "staff",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id"),
    firstName: pg.varchar("first_name", { length: 100 }).notNull(),
    lastName: pg.varchar("last_name", { length: 100 }).notNull(),
    /** How families and colleagues address them, e.g. "Ms. Johnson". */
    displayName: pg.varchar("display_name", { length: 120 }).notNull(),
    email: pg.varchar("email", { length: 254 }),
    phone: pg.varchar("phone", { length: 40 }),
    title: pg.varchar("title", { length: 120 }),
    sourceId: sourceIdColumn(),
    active: pg.boolean("active").notNull().default(true),
    /** Most students this person may have in active groups at once; none means no cap. */
    caseloadCap: pg.smallint("caseload_cap"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    sourceIdIndex("staff_source_id", t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    pg.index("staff_name_search").on(t.tenantId, t.lastName, t.firstName),
  ],
);

export const students = interventionSchema.table(
  "students",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id").notNull(),
    /** The district's own student number. */
    localId: pg.varchar("local_id", { length: 40 }).notNull(),
    firstName: pg.varchar("first_name", { length: 100 }).notNull(),
    lastName: pg.varchar("last_name", { length: 100 }).notNull(),
    /** 0 = kindergarten, 1–12 = grades. */
    grade: pg.smallint("grade").notNull(),
    birthDate: pg.date("birth_date", { mode: "string" }),
    /** The MTSS tier the student currently receives (1 = core instruction only). */
    currentTier: pg.smallint("current_tier").notNull().default(LOWEST_TIER),
    sourceId: sourceIdColumn(),
    active: pg.boolean("active").notNull().default(true),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    sourceIdIndex("students_source_id", t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    pg.uniqueIndex("students_local_id").on(t.tenantId, t.localId),
    pg.index("students_name_search").on(t.tenantId, t.lastName, t.firstName),
    pg.index("students_school_grade").on(t.tenantId, t.schoolId, t.grade),
  ],
);

export const guardians = interventionSchema.table(
  "guardians",
  {
    ...tenantRowColumns(),
    firstName: pg.varchar("first_name", { length: 100 }).notNull(),
    lastName: pg.varchar("last_name", { length: 100 }).notNull(),
    email: pg.varchar("email", { length: 254 }),
    phone: pg.varchar("phone", { length: 40 }),
    /** Letters go out in this language (ISO 639-1); English when the roster says nothing. */
    language: pg.varchar("language", { length: 8 }).notNull().default("en"),
    /**
     * When the guardian stopped optional mail (summaries, celebrations) with the one-click
     * unsubscribe (RFC 8058); required notices still go. Null: optional mail is sent.
     */
    optionalMailStoppedAt: instantColumn("optional_mail_stopped_at"),
    sourceId: sourceIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [...districtRowKeys(t), sourceIdIndex("guardians_source_id", t)],
);

export const studentGuardians = interventionSchema.table(
  "student_guardians",
  {
    tenantId: tenantIdColumn(),
    studentId: pg.uuid("student_id").notNull(),
    guardianId: pg.uuid("guardian_id").notNull(),
    relationship: pg.varchar("relationship", { length: 40 }).notNull().default("guardian"),
    /**
     * A custody or contact restriction an admin recorded: this guardian gets no letters about
     * this child and no portal access to the child (issue 13, point 4).
     */
    contactRestricted: pg.boolean("contact_restricted").notNull().default(false),
    restrictionNote: pg.text("restriction_note"),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.studentId, t.guardianId] }),
    tenantForeignKey(t.tenantId, t.studentId, students),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    pg.index("student_guardians_by_guardian").on(t.tenantId, t.guardianId),
  ],
);

/** A class section: one teacher and the students on its roster. */
export const sections = interventionSchema.table(
  "sections",
  {
    ...tenantRowColumns(),
    schoolId: pg.uuid("school_id").notNull(),
    name: pg.varchar("name", { length: 200 }).notNull(),
    subject: pg.varchar("subject", { length: 100 }),
    teacherId: pg.uuid("teacher_id"),
    /** OneRoster `periods` labels; the school's bell schedule gives their clock times. */
    periods: pg.text("periods").array().notNull().default(sql`'{}'::text[]`),
    sourceId: sourceIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    tenantPrimaryKey(t),
    sourceIdIndex("sections_source_id", t),
    tenantForeignKey(t.tenantId, t.schoolId, schools),
    tenantForeignKey(t.tenantId, t.teacherId, staff),
    pg.index("sections_by_teacher").on(t.tenantId, t.teacherId),
  ],
);

export const sectionStudents = interventionSchema.table(
  "section_students",
  {
    tenantId: tenantIdColumn(),
    sectionId: pg.uuid("section_id").notNull(),
    studentId: pg.uuid("student_id").notNull(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.tenantId, t.sectionId, t.studentId] }),
    tenantForeignKey(t.tenantId, t.sectionId, sections),
    tenantForeignKey(t.tenantId, t.studentId, students),
    pg.index("section_students_by_student").on(t.tenantId, t.studentId),
  ],
);

/**
 * People who sign in. Staff users point at their staff record, parents at their guardian
 * record; the role decides what the policy lets them do.
 */
export const users = interventionSchema.table(
  "users",
  {
    ...tenantRowColumns(),
    email: pg.varchar("email", { length: 254 }).notNull(),
    /** argon2id; null for accounts that only sign in through the district's SSO. */
    passwordHash: pg.text("password_hash"),
    name: pg.varchar("name", { length: 200 }).notNull(),
    role: pg.varchar("role", { length: 20, enum: ROLES }).notNull(),
    staffId: pg.uuid("staff_id"),
    guardianId: pg.uuid("guardian_id"),
    locale: pg.varchar("locale", { length: 8 }).notNull().default("en"),
    active: pg.boolean("active").notNull().default(true),
    lastSignInAt: instantColumn("last_sign_in_at"),
    /**
     * Sessions begun before this moment are over: set when an admin switches the account off,
     * so switching it back on asks for a new sign-in instead of reviving an old browser session.
     */
    sessionsRevokedAt: instantColumn("sessions_revoked_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    ...districtRowKeys(t),
    tenantForeignKey(t.tenantId, t.staffId, staff),
    tenantForeignKey(t.tenantId, t.guardianId, guardians),
    pg.uniqueIndex("users_email_per_district").on(t.tenantId, sql`lower(${t.email})`),
    // The one index not led by tenant_id: sign-in knows only the e-mail address
    // (docs/decisions/0002-tenant-keys.md).
    pg.uniqueIndex("users_sign_in_email").on(sql`lower(${t.email})`),
  ],
);
