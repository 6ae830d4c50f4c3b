CREATE TABLE "intervention"."evaluation_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"requester_kind" varchar(20) NOT NULL,
	"recorded_by" uuid,
	"requester_name" varchar(200) NOT NULL,
	"note" text,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."exit_follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" varchar(20) DEFAULT 'due' NOT NULL,
	"probe_score" double precision,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."exit_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'eligible' NOT NULL,
	"criteria" jsonb NOT NULL,
	"eligible_on" date NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	"recommended_by" uuid,
	"recommended_at" timestamp with time zone,
	"recommendation_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."mtss_meeting_students" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"tier_change_id" uuid,
	"decision_summary" text NOT NULL,
	"review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mtss_meeting_students_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."mtss_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"held_on" date NOT NULL,
	"title" varchar(200) NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mtss_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "exit_probes_needed" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "exit_benchmark_cut" double precision;--> statement-breakpoint
ALTER TABLE "intervention"."tier_changes" ADD COLUMN "team" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."tier_changes" ADD COLUMN "low_fidelity_reason" text;--> statement-breakpoint
ALTER TABLE "intervention"."evaluation_requests" ADD CONSTRAINT "evaluation_requests_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."evaluation_requests" ADD CONSTRAINT "evaluation_requests_tenant_id_recorded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."evaluation_requests" ADD CONSTRAINT "evaluation_requests_tenant_id_responded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responded_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_follow_ups" ADD CONSTRAINT "exit_follow_ups_tenant_id_enrollment_id_intervention_enrollments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enrollment_id") REFERENCES "intervention"."intervention_enrollments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_follow_ups" ADD CONSTRAINT "exit_follow_ups_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_follow_ups" ADD CONSTRAINT "exit_follow_ups_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_follow_ups" ADD CONSTRAINT "exit_follow_ups_tenant_id_recorded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_reviews" ADD CONSTRAINT "exit_reviews_tenant_id_enrollment_id_intervention_enrollments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enrollment_id") REFERENCES "intervention"."intervention_enrollments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_reviews" ADD CONSTRAINT "exit_reviews_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_reviews" ADD CONSTRAINT "exit_reviews_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_reviews" ADD CONSTRAINT "exit_reviews_tenant_id_recommended_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recommended_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."exit_reviews" ADD CONSTRAINT "exit_reviews_tenant_id_decided_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decided_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meeting_students" ADD CONSTRAINT "mtss_meeting_students_tenant_id_meeting_id_mtss_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "intervention"."mtss_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meeting_students" ADD CONSTRAINT "mtss_meeting_students_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meeting_students" ADD CONSTRAINT "mtss_meeting_students_tenant_id_tier_change_id_tier_changes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","tier_change_id") REFERENCES "intervention"."tier_changes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meetings" ADD CONSTRAINT "mtss_meetings_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meetings" ADD CONSTRAINT "mtss_meetings_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."mtss_meetings" ADD CONSTRAINT "mtss_meetings_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_requests_by_student" ON "intervention"."evaluation_requests" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "evaluation_requests_open" ON "intervention"."evaluation_requests" USING btree ("tenant_id","requested_on") WHERE "intervention"."evaluation_requests"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "exit_follow_ups_one_per_week" ON "intervention"."exit_follow_ups" USING btree ("tenant_id","enrollment_id","due_on");--> statement-breakpoint
CREATE INDEX "exit_follow_ups_due" ON "intervention"."exit_follow_ups" USING btree ("tenant_id","due_on") WHERE "intervention"."exit_follow_ups"."status" = 'due';--> statement-breakpoint
CREATE UNIQUE INDEX "exit_reviews_one_open" ON "intervention"."exit_reviews" USING btree ("tenant_id","enrollment_id") WHERE "intervention"."exit_reviews"."status" in ('eligible', 'recommended');--> statement-breakpoint
CREATE INDEX "exit_reviews_by_status" ON "intervention"."exit_reviews" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "exit_reviews_by_intervention" ON "intervention"."exit_reviews" USING btree ("tenant_id","intervention_id");--> statement-breakpoint
CREATE INDEX "mtss_meeting_students_by_student" ON "intervention"."mtss_meeting_students" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "mtss_meeting_students_by_meeting" ON "intervention"."mtss_meeting_students" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "mtss_meetings_by_day" ON "intervention"."mtss_meetings" USING btree ("tenant_id","held_on");--> statement-breakpoint
-- Tenant tables: secure_tables() forces RLS with the tenant policy and grants the app role its
-- privileges (drizzle/0003_security_for_new_tables.sql; test/tenant-isolation.int.test.ts checks).
SELECT intervention.secure_tables();
