CREATE SCHEMA "intervention";
--> statement-breakpoint
CREATE TABLE "intervention"."assessment_results" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_year" varchar(9) NOT NULL,
	"window" varchar(10) NOT NULL,
	"administered_on" date NOT NULL,
	"score" double precision NOT NULL,
	"percentile" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"subject" varchar(100) NOT NULL,
	"scale_min" double precision DEFAULT 0 NOT NULL,
	"scale_max" double precision DEFAULT 100 NOT NULL,
	"cut_scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."districts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(60) NOT NULL,
	"time_zone" varchar(64) DEFAULT 'America/Chicago' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "districts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "intervention"."non_instructional_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "non_instructional_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "intervention"."rooms" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"capacity" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."schools" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"code" varchar(40),
	"lowest_grade" smallint DEFAULT 0 NOT NULL,
	"highest_grade" smallint DEFAULT 8 NOT NULL,
	"source_id" varchar(120),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."intervention_enrollments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"enrollment_date" date NOT NULL,
	"exit_date" date,
	"exit_reason" varchar(200),
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_enrollments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."intervention_facilitators" (
	"tenant_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "intervention_facilitators_tenant_id_intervention_id_staff_id_pk" PRIMARY KEY("tenant_id","intervention_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."intervention_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"sequence" smallint NOT NULL,
	"session_date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" smallint NOT NULL,
	"status" varchar(20) DEFAULT 'scheduled' NOT NULL,
	"notes" text,
	"facilitator_id" uuid,
	"room_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."interventions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"intervention_name" varchar(200) NOT NULL,
	"tier_level" smallint NOT NULL,
	"focus_area" varchar(100) NOT NULL,
	"description" text,
	"goal" text,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"duration_weeks" smallint NOT NULL,
	"schedule_days" text[] NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"session_minutes" smallint NOT NULL,
	"frequency" varchar(100) NOT NULL,
	"school_id" uuid,
	"room_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interventions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "interventions_tier_range" CHECK ("intervention"."interventions"."tier_level" between 1 and 3),
	CONSTRAINT "interventions_dates_ordered" CHECK ("intervention"."interventions"."end_date" >= "intervention"."interventions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "intervention"."progress_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"note_date" date NOT NULL,
	"observation" text NOT NULL,
	"measure_name" varchar(100),
	"measure_value" double precision,
	"measure_unit" varchar(40),
	"next_steps" text,
	"progress_rating" varchar(20),
	"visibility" varchar(20) DEFAULT 'team' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."session_attendance" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"attendance_status" varchar(20) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "session_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."guardians" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"email" varchar(254),
	"phone" varchar(40),
	"language" varchar(8) DEFAULT 'en' NOT NULL,
	"source_id" varchar(120),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardians_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."section_students" (
	"tenant_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "section_students_tenant_id_section_id_student_id_pk" PRIMARY KEY("tenant_id","section_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."sections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" varchar(200) NOT NULL,
	"subject" varchar(100),
	"teacher_id" uuid,
	"source_id" varchar(120),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."staff" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"display_name" varchar(120) NOT NULL,
	"email" varchar(254),
	"phone" varchar(40),
	"title" varchar(120),
	"source_id" varchar(120),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."student_guardians" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"relationship" varchar(40) DEFAULT 'guardian' NOT NULL,
	CONSTRAINT "student_guardians_tenant_id_student_id_guardian_id_pk" PRIMARY KEY("tenant_id","student_id","guardian_id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."students" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"local_id" varchar(40) NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"grade" smallint NOT NULL,
	"birth_date" date,
	"current_tier" smallint DEFAULT 1 NOT NULL,
	"source_id" varchar(120),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"password_hash" text,
	"name" varchar(200) NOT NULL,
	"role" varchar(20) NOT NULL,
	"staff_id" uuid,
	"guardian_id" uuid,
	"locale" varchar(8) DEFAULT 'en' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."app_meta" (
	"key" varchar(100) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention"."audit_log" (
	"tenant_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "intervention"."audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" varchar(20),
	"action" varchar(60) NOT NULL,
	"entity_type" varchar(60) NOT NULL,
	"entity_id" uuid,
	"student_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" varchar(100),
	CONSTRAINT "audit_log_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"scope" varchar(200) NOT NULL,
	"key" varchar(200) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_scope_key_pk" PRIMARY KEY("tenant_id","scope","key")
);
--> statement-breakpoint
CREATE TABLE "intervention"."outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" varchar(100) NOT NULL,
	"subject" varchar(200) NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"feed_position" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_assessment_id_assessments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assessment_id") REFERENCES "intervention"."assessments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."assessments" ADD CONSTRAINT "assessments_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."non_instructional_days" ADD CONSTRAINT "non_instructional_days_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."rooms" ADD CONSTRAINT "rooms_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schools" ADD CONSTRAINT "schools_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_enrollments" ADD CONSTRAINT "intervention_enrollments_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_enrollments" ADD CONSTRAINT "intervention_enrollments_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_facilitators" ADD CONSTRAINT "intervention_facilitators_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_facilitators" ADD CONSTRAINT "intervention_facilitators_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_sessions" ADD CONSTRAINT "intervention_sessions_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_sessions" ADD CONSTRAINT "intervention_sessions_tenant_id_facilitator_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","facilitator_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_sessions" ADD CONSTRAINT "intervention_sessions_tenant_id_room_id_rooms_tenant_id_id_fk" FOREIGN KEY ("tenant_id","room_id") REFERENCES "intervention"."rooms"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD CONSTRAINT "interventions_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD CONSTRAINT "interventions_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD CONSTRAINT "interventions_tenant_id_room_id_rooms_tenant_id_id_fk" FOREIGN KEY ("tenant_id","room_id") REFERENCES "intervention"."rooms"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD CONSTRAINT "interventions_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_notes" ADD CONSTRAINT "progress_notes_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_notes" ADD CONSTRAINT "progress_notes_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."session_attendance" ADD CONSTRAINT "session_attendance_tenant_id_session_id_intervention_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "intervention"."intervention_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."session_attendance" ADD CONSTRAINT "session_attendance_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."guardians" ADD CONSTRAINT "guardians_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."section_students" ADD CONSTRAINT "section_students_tenant_id_section_id_sections_tenant_id_id_fk" FOREIGN KEY ("tenant_id","section_id") REFERENCES "intervention"."sections"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."section_students" ADD CONSTRAINT "section_students_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."sections" ADD CONSTRAINT "sections_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."sections" ADD CONSTRAINT "sections_tenant_id_teacher_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."staff" ADD CONSTRAINT "staff_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."staff" ADD CONSTRAINT "staff_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."student_guardians" ADD CONSTRAINT "student_guardians_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."student_guardians" ADD CONSTRAINT "student_guardians_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."students" ADD CONSTRAINT "students_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."users" ADD CONSTRAINT "users_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."users" ADD CONSTRAINT "users_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."users" ADD CONSTRAINT "users_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."audit_log" ADD CONSTRAINT "audit_log_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."outbox" ADD CONSTRAINT "outbox_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_results_by_window" ON "intervention"."assessment_results" USING btree ("tenant_id","assessment_id","school_year","window");--> statement-breakpoint
CREATE INDEX "assessment_results_by_student" ON "intervention"."assessment_results" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "non_instructional_days_lookup" ON "intervention"."non_instructional_days" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_enrollments_one_active" ON "intervention"."intervention_enrollments" USING btree ("tenant_id","intervention_id","student_id") WHERE "intervention"."intervention_enrollments"."is_active";--> statement-breakpoint
CREATE INDEX "intervention_enrollments_by_student" ON "intervention"."intervention_enrollments" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "intervention_facilitators_by_staff" ON "intervention"."intervention_facilitators" USING btree ("tenant_id","staff_id");--> statement-breakpoint
CREATE INDEX "intervention_sessions_by_intervention" ON "intervention"."intervention_sessions" USING btree ("tenant_id","intervention_id","session_date");--> statement-breakpoint
CREATE INDEX "intervention_sessions_by_day" ON "intervention"."intervention_sessions" USING btree ("tenant_id","session_date");--> statement-breakpoint
CREATE INDEX "interventions_by_status" ON "intervention"."interventions" USING btree ("tenant_id","status","start_date");--> statement-breakpoint
CREATE INDEX "progress_notes_by_student" ON "intervention"."progress_notes" USING btree ("tenant_id","student_id","note_date");--> statement-breakpoint
CREATE INDEX "progress_notes_by_intervention" ON "intervention"."progress_notes" USING btree ("tenant_id","intervention_id","note_date");--> statement-breakpoint
CREATE UNIQUE INDEX "session_attendance_one_mark" ON "intervention"."session_attendance" USING btree ("tenant_id","session_id","student_id");--> statement-breakpoint
CREATE INDEX "session_attendance_by_student" ON "intervention"."session_attendance" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "section_students_by_student" ON "intervention"."section_students" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "sections_by_teacher" ON "intervention"."sections" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
CREATE INDEX "staff_name_search" ON "intervention"."staff" USING btree ("tenant_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "student_guardians_by_guardian" ON "intervention"."student_guardians" USING btree ("tenant_id","guardian_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_local_id" ON "intervention"."students" USING btree ("tenant_id","local_id");--> statement-breakpoint
CREATE INDEX "students_name_search" ON "intervention"."students" USING btree ("tenant_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "students_school_grade" ON "intervention"."students" USING btree ("tenant_id","school_id","grade");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_per_district" ON "intervention"."users" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_sign_in_email" ON "intervention"."users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_by_entity" ON "intervention"."audit_log" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_by_student" ON "intervention"."audit_log" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "audit_log_by_time" ON "intervention"."audit_log" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished" ON "intervention"."outbox" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_feed" ON "intervention"."outbox" USING btree ("tenant_id","feed_position");