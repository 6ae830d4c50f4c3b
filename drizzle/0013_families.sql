CREATE TABLE "intervention"."family_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid,
	"recorded_by" uuid,
	"kind" varchar(20) NOT NULL,
	"body" text NOT NULL,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."progress_summaries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"language" varchar(8) NOT NULL,
	"status" varchar(20) NOT NULL,
	"content" jsonb NOT NULL,
	"communication_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_summaries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."progress_summary_holds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"held_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_summary_holds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention"."reporting_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_year_id" uuid NOT NULL,
	"name" varchar(60) NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."guardians" ADD COLUMN "optional_mail_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intervention"."student_guardians" ADD COLUMN "contact_restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."student_guardians" ADD COLUMN "restriction_note" text;--> statement-breakpoint
ALTER TABLE "intervention"."family_requests" ADD CONSTRAINT "family_requests_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."family_requests" ADD CONSTRAINT "family_requests_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."family_requests" ADD CONSTRAINT "family_requests_tenant_id_recorded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."family_requests" ADD CONSTRAINT "family_requests_tenant_id_answered_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","answered_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summaries" ADD CONSTRAINT "progress_summaries_tenant_id_period_id_reporting_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "intervention"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summaries" ADD CONSTRAINT "progress_summaries_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summaries" ADD CONSTRAINT "progress_summaries_tenant_id_guardian_id_guardians_tenant_id_id_fk" FOREIGN KEY ("tenant_id","guardian_id") REFERENCES "intervention"."guardians"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summaries" ADD CONSTRAINT "progress_summaries_tenant_id_communication_id_communications_tenant_id_id_fk" FOREIGN KEY ("tenant_id","communication_id") REFERENCES "intervention"."communications"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summary_holds" ADD CONSTRAINT "progress_summary_holds_tenant_id_period_id_reporting_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "intervention"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summary_holds" ADD CONSTRAINT "progress_summary_holds_tenant_id_student_id_students_tenant_id_id_fk" FOREIGN KEY ("tenant_id","student_id") REFERENCES "intervention"."students"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."progress_summary_holds" ADD CONSTRAINT "progress_summary_holds_tenant_id_held_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","held_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."reporting_periods" ADD CONSTRAINT "reporting_periods_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."reporting_periods" ADD CONSTRAINT "reporting_periods_tenant_id_school_year_id_school_years_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_year_id") REFERENCES "intervention"."school_years"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_requests_by_student" ON "intervention"."family_requests" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_summaries_once" ON "intervention"."progress_summaries" USING btree ("tenant_id","period_id","student_id","guardian_id");--> statement-breakpoint
CREATE INDEX "progress_summaries_by_student" ON "intervention"."progress_summaries" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_summary_holds_once" ON "intervention"."progress_summary_holds" USING btree ("tenant_id","period_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_periods_end" ON "intervention"."reporting_periods" USING btree ("tenant_id","ends_on");--> statement-breakpoint
-- Tenant tables: secure_tables() forces RLS with the tenant policy and grants the app role its
-- privileges (drizzle/0003_security_for_new_tables.sql; test/tenant-isolation.int.test.ts checks).
SELECT intervention.secure_tables();
