CREATE TABLE "intervention"."communications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(40) NOT NULL,
	"channel" varchar(20) DEFAULT 'email' NOT NULL,
	"student_id" uuid,
	"guardian_id" uuid,
	"intervention_id" uuid,
	"enrollment_id" uuid,
	"to_address" varchar(254),
	"language" varchar(8) NOT NULL,
	"template_version" integer,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"reason" text,
	"required" boolean DEFAULT true NOT NULL,
	"status" varchar(20) DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."import_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(20) NOT NULL,
	"status" varchar(20) DEFAULT 'running' NOT NULL,
	"source_name" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."message_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(40) NOT NULL,
	"language" varchar(8) NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."opt_out_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opt_out_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."api_tokens" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"role" varchar(20) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."disclosures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid,
	"disclosed_to" text NOT NULL,
	"purpose" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"disclosed_by" uuid,
	"disclosed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."inbox_events" (
	"tenant_id" uuid NOT NULL,
	"event_id" varchar(200) NOT NULL,
	"type" varchar(100) NOT NULL,
	"source" varchar(200),
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."parked_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" varchar(300) NOT NULL,
	"payload" text NOT NULL,
	"reason" text NOT NULL,
	"attempts" integer NOT NULL,
	"parked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention"."probe_scores" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"session_id" uuid,
	"score_date" date NOT NULL,
	"value" double precision NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "probe_scores_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."progress_note_revisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_note_revisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."tier_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"from_tier" smallint,
	"to_tier" smallint NOT NULL,
	"decided_on" date NOT NULL,
	"decision" varchar(20) NOT NULL,
	"justification" text NOT NULL,
	"data_snapshot" jsonb,
	"intervention_id" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."intervention_enrollments" ADD COLUMN "opted_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "measure_name" varchar(100);--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "measure_unit" varchar(40);--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "measure_direction" varchar(10) DEFAULT 'higher' NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "goal_value" double precision;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "proficiency_target" double precision;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "intervention"."audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "intervention"."audit_log" ADD COLUMN "prev_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "intervention"."audit_log" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
ALTER TABLE "intervention"."communications" ADD CONSTRAINT "communications_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."communications" ADD CONSTRAINT "communications_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."import_runs" ADD CONSTRAINT "import_runs_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."message_templates" ADD CONSTRAINT "message_templates_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."opt_out_decisions" ADD CONSTRAINT "opt_out_decisions_tenant_id_enrollment_id_intervention_enrollments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enrollment_id") REFERENCES "intervention"."intervention_enrollments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."opt_out_decisions" ADD CONSTRAINT "opt_out_decisions_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."disclosures" ADD CONSTRAINT "disclosures_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."inbox_events" ADD CONSTRAINT "inbox_events_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."probe_scores" ADD CONSTRAINT "probe_scores_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."probe_scores" ADD CONSTRAINT "probe_scores_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."probe_scores" ADD CONSTRAINT "probe_scores_tenant_id_session_id_intervention_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "intervention"."intervention_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_note_revisions" ADD CONSTRAINT "progress_note_revisions_tenant_id_note_id_progress_notes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","note_id") REFERENCES "intervention"."progress_notes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."tier_changes" ADD CONSTRAINT "tier_changes_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."tier_changes" ADD CONSTRAINT "tier_changes_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communications_pending" ON "intervention"."communications" USING btree ("tenant_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "communications_by_student" ON "intervention"."communications" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "import_runs_recent" ON "intervention"."import_runs" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_kind_language" ON "intervention"."message_templates" USING btree ("tenant_id","kind","language");--> statement-breakpoint
CREATE UNIQUE INDEX "opt_out_decisions_once" ON "intervention"."opt_out_decisions" USING btree ("tenant_id","enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash" ON "intervention"."api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "probe_scores_one_per_session" ON "intervention"."probe_scores" USING btree ("tenant_id","session_id","student_id");--> statement-breakpoint
CREATE INDEX "probe_scores_by_student" ON "intervention"."probe_scores" USING btree ("tenant_id","student_id","score_date");--> statement-breakpoint
CREATE INDEX "probe_scores_by_intervention" ON "intervention"."probe_scores" USING btree ("tenant_id","intervention_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_note_revisions_version" ON "intervention"."progress_note_revisions" USING btree ("tenant_id","note_id","version");--> statement-breakpoint
CREATE INDEX "tier_changes_by_student" ON "intervention"."tier_changes" USING btree ("tenant_id","student_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_one_per_window" ON "intervention"."assessment_results" USING btree ("tenant_id","assessment_id","student_id","school_year","window");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_source_id" ON "intervention"."schools" USING btree ("tenant_id","source_id") WHERE "intervention"."schools"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "guardians_source_id" ON "intervention"."guardians" USING btree ("tenant_id","source_id") WHERE "intervention"."guardians"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sections_source_id" ON "intervention"."sections" USING btree ("tenant_id","source_id") WHERE "intervention"."sections"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_source_id" ON "intervention"."staff" USING btree ("tenant_id","source_id") WHERE "intervention"."staff"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "students_source_id" ON "intervention"."students" USING btree ("tenant_id","source_id") WHERE "intervention"."students"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain" ON "intervention"."audit_log" USING btree ("tenant_id","chain_seq");