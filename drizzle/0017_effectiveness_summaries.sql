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
ALTER TABLE "intervention"."effectiveness_summaries" ADD CONSTRAINT "effectiveness_summaries_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The summaries' freshness is kept here, not in application code (decision 0021): every write
-- to a group's inputs raises the group's input_version in the same transaction, so a summary
-- computed before the write can never be taken for current. Statement-level: a save of six
-- marks raises the version once. The rows are taken in key order, the same order for every
-- writer. A group's row is created by its first write (the group's own insert).
-- TG_ARGV[0] selects (tenant_id, intervention_id) from the transition table named by %I.
CREATE FUNCTION intervention.effectiveness_inputs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed text;
  sources text[] := '{}';
BEGIN
  FOREACH changed IN ARRAY CASE TG_OP
    WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows']
    ELSE ARRAY['old_rows', 'new_rows'] END
  LOOP
    sources := sources || format(TG_ARGV[0], changed);
  END LOOP;
  EXECUTE format(
    'INSERT INTO intervention.effectiveness_summaries AS s (tenant_id, intervention_id)
     SELECT i.tenant_id, i.id FROM intervention.interventions i
     WHERE (i.tenant_id, i.id) IN (%s)
     ORDER BY i.tenant_id, i.id
     ON CONFLICT (tenant_id, intervention_id) DO UPDATE SET input_version = s.input_version + 1',
    array_to_string(sources, ' UNION '));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table whose rows change a group's figures (lib/use-cases/progress/get-effectiveness.ts
-- and groups-effectiveness.ts read them): the group itself (dates, plan, measure, goal, status),
-- its facilitators, enrollments, sessions (held, cancelled, moved, lengths), the sessions'
-- marks, probe scores, progress notes (their measure readings) and the resources it needs.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('interventions', 'SELECT tenant_id, id FROM %I'),
    ('intervention_facilitators', 'SELECT tenant_id, intervention_id FROM %I'),
    ('intervention_enrollments', 'SELECT tenant_id, intervention_id FROM %I'),
    ('intervention_sessions', 'SELECT tenant_id, intervention_id FROM %I'),
    ('session_attendance', 'SELECT s.tenant_id, s.intervention_id FROM %I r
       JOIN intervention.intervention_sessions s ON s.tenant_id = r.tenant_id AND s.id = r.session_id'),
    ('probe_scores', 'SELECT tenant_id, intervention_id FROM %I'),
    ('progress_notes', 'SELECT tenant_id, intervention_id FROM %I'),
    ('intervention_resources', 'SELECT tenant_id, intervention_id FROM %I')
  ) AS v(tbl, source)
  LOOP
    EXECUTE format('CREATE TRIGGER effectiveness_inserted AFTER INSERT ON intervention.%I
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION intervention.effectiveness_inputs_changed(%L)', t.tbl, t.source);
    EXECUTE format('CREATE TRIGGER effectiveness_updated AFTER UPDATE ON intervention.%I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION intervention.effectiveness_inputs_changed(%L)', t.tbl, t.source);
    EXECUTE format('CREATE TRIGGER effectiveness_deleted AFTER DELETE ON intervention.%I
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
      EXECUTE FUNCTION intervention.effectiveness_inputs_changed(%L)', t.tbl, t.source);
  END LOOP;
END $$;
--> statement-breakpoint
-- The district's inputs to every group at once: its settings (staff hourly costs) and time
-- zone, the resources' prices, the staff's titles and the roles of their accounts (which price
-- their time, lib/use-cases/resources/intervention-budget.ts). One version per district,
-- compared with each summary's district_version on read, instead of touching every group.
-- TG_ARGV[0] names the row's district column.
CREATE FUNCTION intervention.effectiveness_district_inputs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO intervention.effectiveness_district_inputs AS d (tenant_id)
  VALUES ((to_jsonb(coalesce(NEW, OLD)) ->> TG_ARGV[0])::uuid)
  ON CONFLICT (tenant_id) DO UPDATE SET version = d.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_settings AFTER UPDATE OF settings, time_zone
  ON intervention.districts FOR EACH ROW
  WHEN (OLD.settings IS DISTINCT FROM NEW.settings OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('id');
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_resource_prices AFTER UPDATE OF name, cost_model,
  purchase_cents, useful_life_years, licence_cents_per_student_year, per_use_cents
  ON intervention.resources FOR EACH ROW
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('tenant_id');
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_staff_titles AFTER UPDATE OF title, last_name
  ON intervention.staff FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.last_name IS DISTINCT FROM NEW.last_name)
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('tenant_id');
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_account_added AFTER INSERT ON intervention.users
  FOR EACH ROW WHEN (NEW.staff_id IS NOT NULL)
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('tenant_id');
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_account_removed AFTER DELETE ON intervention.users
  FOR EACH ROW WHEN (OLD.staff_id IS NOT NULL)
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('tenant_id');
--> statement-breakpoint
CREATE TRIGGER effectiveness_district_account_changed AFTER UPDATE OF role, active, staff_id
  ON intervention.users FOR EACH ROW
  WHEN ((OLD.role, OLD.active, OLD.staff_id) IS DISTINCT FROM (NEW.role, NEW.active, NEW.staff_id))
  EXECUTE FUNCTION intervention.effectiveness_district_inputs_changed('tenant_id');
--> statement-breakpoint
SELECT intervention.secure_tables();
