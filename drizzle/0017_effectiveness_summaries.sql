CREATE TABLE "intervention"."effectiveness_district_inputs" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention"."effectiveness_summaries" (
	"tenant_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"input_version" bigint DEFAULT 1 NOT NULL,
	"computed_version" bigint,
	"district_version" bigint,
	"computed_for" date,
	"valid_until" timestamp with time zone,
	"figures" jsonb,
	"computed_at" timestamp with time zone,
	CONSTRAINT "effectiveness_summaries_tenant_id_intervention_id_pk" PRIMARY KEY("tenant_id","intervention_id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."effectiveness_district_inputs" ADD CONSTRAINT "effectiveness_district_inputs_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."effectiveness_summaries" ADD CONSTRAINT "effectiveness_summaries_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;