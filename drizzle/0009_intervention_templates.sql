CREATE TABLE "intervention"."intervention_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(200) NOT NULL,
	"tier_level" smallint NOT NULL,
	"focus_area" varchar(100) NOT NULL,
	"description" text,
	"duration_weeks" smallint NOT NULL,
	"days_per_week" smallint NOT NULL,
	"session_minutes" smallint NOT NULL,
	"group_size_min" smallint,
	"group_size_max" smallint,
	"activities" text,
	"resources" text[] DEFAULT '{}'::text[] NOT NULL,
	"measure_name" varchar(100),
	"measure_unit" varchar(40),
	"measure_direction" varchar(10) DEFAULT 'higher' NOT NULL,
	"goal_value" double precision,
	"goal" text,
	"entrance_criteria" text,
	"exit_criteria" text,
	"owner_user_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "intervention_templates_tier_range" CHECK ("intervention"."intervention_templates"."tier_level" between 1 and 3),
	CONSTRAINT "intervention_templates_group_size" CHECK ("intervention"."intervention_templates"."group_size_min" is null or "intervention"."intervention_templates"."group_size_max" is null or "intervention"."intervention_templates"."group_size_min" <= "intervention"."intervention_templates"."group_size_max")
);
--> statement-breakpoint
ALTER TABLE "intervention"."intervention_templates" ADD CONSTRAINT "intervention_templates_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_templates" ADD CONSTRAINT "intervention_templates_tenant_id_owner_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_user_id") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_templates" ADD CONSTRAINT "intervention_templates_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intervention_templates_by_owner" ON "intervention"."intervention_templates" USING btree ("tenant_id","owner_user_id");--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD CONSTRAINT "interventions_tenant_id_template_id_intervention_templates_tenant_id_id_fk" FOREIGN KEY ("tenant_id","template_id") REFERENCES "intervention"."intervention_templates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A tenant table: secure_tables() forces RLS with the tenant policy and grants the app role its
-- privileges (drizzle/0003_security_for_new_tables.sql; test/tenant-isolation.int.test.ts checks).
SELECT intervention.secure_tables();
