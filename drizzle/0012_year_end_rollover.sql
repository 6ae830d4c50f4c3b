CREATE TABLE "intervention"."school_years" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"label" varchar(9) NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_years_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "school_years_days_ordered" CHECK ("intervention"."school_years"."last_day" > "intervention"."school_years"."first_day")
);
--> statement-breakpoint
ALTER TABLE "intervention"."school_years" ADD CONSTRAINT "school_years_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "school_years_label" ON "intervention"."school_years" USING btree ("tenant_id","label");--> statement-breakpoint
-- Two years of one district never share a day: the summer between them is what is out of school
-- (db/queries/school-years.ts). btree_gist is installed by 0010.
ALTER TABLE "intervention"."school_years" ADD CONSTRAINT "school_years_do_not_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, daterange("first_day", "last_day", '[]') WITH &&);--> statement-breakpoint
-- Tenant tables: secure_tables() forces RLS with the tenant policy and grants the app role its
-- privileges (drizzle/0003_security_for_new_tables.sql; test/tenant-isolation.int.test.ts checks).
SELECT intervention.secure_tables();
