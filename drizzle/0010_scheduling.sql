CREATE TABLE "intervention"."bell_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"day_type" varchar(20) DEFAULT '' NOT NULL,
	"label" varchar(40) NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bell_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "bell_periods_one_label" UNIQUE("tenant_id","school_id","day_type","label"),
	CONSTRAINT "bell_periods_ordered" CHECK ("intervention"."bell_periods"."end_time" > "intervention"."bell_periods"."start_time")
);
--> statement-breakpoint
CREATE TABLE "intervention"."calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "intervention"."intervention_resources" (
	"tenant_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"quantity" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "intervention_resources_tenant_id_intervention_id_resource_id_pk" PRIMARY KEY("tenant_id","intervention_id","resource_id"),
	CONSTRAINT "intervention_resources_quantity" CHECK ("intervention"."intervention_resources"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "intervention"."protected_blocks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"grade" smallint,
	"kind" varchar(20) NOT NULL,
	"label" varchar(100) NOT NULL,
	"days" text[] NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protected_blocks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "protected_blocks_ordered" CHECK ("intervention"."protected_blocks"."end_time" > "intervention"."protected_blocks"."start_time")
);
--> statement-breakpoint
CREATE TABLE "intervention"."resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"kind" varchar(20) NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"location" varchar(200),
	"cost_model" varchar(20) DEFAULT 'none' NOT NULL,
	"purchase_cents" integer,
	"useful_life_years" smallint,
	"licence_cents_per_student_year" integer,
	"per_use_cents" integer,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resources_quantity" CHECK ("intervention"."resources"."quantity" between 1 and 10000),
	CONSTRAINT "resources_costs" CHECK (coalesce("intervention"."resources"."purchase_cents", 0) >= 0 and coalesce("intervention"."resources"."licence_cents_per_student_year", 0) >= 0 and coalesce("intervention"."resources"."per_use_cents", 0) >= 0 and ("intervention"."resources"."useful_life_years" is null or "intervention"."resources"."useful_life_years" > 0))
);
--> statement-breakpoint
CREATE TABLE "intervention"."schedule_bookings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"room_id" uuid,
	"staff_id" uuid,
	"resource_id" uuid,
	"unit" smallint,
	"during" "tstzrange" NOT NULL,
	CONSTRAINT "schedule_bookings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "schedule_bookings_one_target" CHECK (num_nonnulls("intervention"."schedule_bookings"."room_id", "intervention"."schedule_bookings"."staff_id", "intervention"."schedule_bookings"."resource_id") = 1 and ("intervention"."schedule_bookings"."resource_id" is null) = ("intervention"."schedule_bookings"."unit" is null))
);
--> statement-breakpoint
CREATE TABLE "intervention"."staff_absences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"start_time" varchar(5),
	"end_time" varchar(5),
	"note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_absences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "staff_absences_ordered" CHECK ("intervention"."staff_absences"."ends_on" >= "intervention"."staff_absences"."starts_on"),
	CONSTRAINT "staff_absences_times" CHECK (("intervention"."staff_absences"."start_time" is null) = ("intervention"."staff_absences"."end_time" is null) and ("intervention"."staff_absences"."start_time" is null or "intervention"."staff_absences"."end_time" > "intervention"."staff_absences"."start_time"))
);
--> statement-breakpoint
CREATE TABLE "intervention"."staff_working_hours" (
	"tenant_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"weekday" varchar(2) NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	CONSTRAINT "staff_working_hours_tenant_id_staff_id_weekday_pk" PRIMARY KEY("tenant_id","staff_id","weekday"),
	CONSTRAINT "staff_working_hours_ordered" CHECK ("intervention"."staff_working_hours"."end_time" > "intervention"."staff_working_hours"."start_time")
);
--> statement-breakpoint
ALTER TABLE "intervention"."schools" ADD COLUMN "day_rotation" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."schools" ADD COLUMN "rotation_starts_on" date;--> statement-breakpoint
ALTER TABLE "intervention"."interventions" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."sections" ADD COLUMN "periods" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "intervention"."staff" ADD COLUMN "caseload_cap" smallint;--> statement-breakpoint
ALTER TABLE "intervention"."bell_periods" ADD CONSTRAINT "bell_periods_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."bell_periods" ADD CONSTRAINT "bell_periods_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "intervention"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_resources" ADD CONSTRAINT "intervention_resources_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."intervention_resources" ADD CONSTRAINT "intervention_resources_tenant_id_resource_id_resources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resource_id") REFERENCES "intervention"."resources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."protected_blocks" ADD CONSTRAINT "protected_blocks_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."protected_blocks" ADD CONSTRAINT "protected_blocks_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."resources" ADD CONSTRAINT "resources_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."resources" ADD CONSTRAINT "resources_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "intervention"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_tenant_id_session_id_intervention_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "intervention"."intervention_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_tenant_id_intervention_id_interventions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","intervention_id") REFERENCES "intervention"."interventions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_tenant_id_room_id_rooms_tenant_id_id_fk" FOREIGN KEY ("tenant_id","room_id") REFERENCES "intervention"."rooms"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_tenant_id_resource_id_resources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resource_id") REFERENCES "intervention"."resources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."staff_absences" ADD CONSTRAINT "staff_absences_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."staff_absences" ADD CONSTRAINT "staff_absences_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."staff_working_hours" ADD CONSTRAINT "staff_working_hours_tenant_id_staff_id_staff_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "intervention"."staff"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feeds_by_user" ON "intervention"."calendar_feeds" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "intervention_resources_by_resource" ON "intervention"."intervention_resources" USING btree ("tenant_id","resource_id");--> statement-breakpoint
CREATE INDEX "protected_blocks_by_school" ON "intervention"."protected_blocks" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE INDEX "schedule_bookings_by_session" ON "intervention"."schedule_bookings" USING btree ("tenant_id","session_id");--> statement-breakpoint
CREATE INDEX "staff_absences_by_staff" ON "intervention"."staff_absences" USING btree ("tenant_id","staff_id","starts_on");--> statement-breakpoint
-- No double booking, even when two specialists save at the same instant (docs/domain.md,
-- "Scheduling"): one room, one person, one unit of a resource pool is in one session at a time.
-- Ranges are half-open, so a session ending at 10:30 and one starting at 10:30 do not collide.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_room_free"
  EXCLUDE USING gist ("tenant_id" WITH =, "room_id" WITH =, "during" WITH &&) WHERE ("room_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_staff_free"
  EXCLUDE USING gist ("tenant_id" WITH =, "staff_id" WITH =, "during" WITH &&) WHERE ("staff_id" IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "intervention"."schedule_bookings" ADD CONSTRAINT "schedule_bookings_unit_free"
  EXCLUDE USING gist ("tenant_id" WITH =, "resource_id" WITH =, "unit" WITH =, "during" WITH &&) WHERE ("resource_id" IS NOT NULL);
--> statement-breakpoint
CREATE INDEX "schedule_bookings_by_intervention" ON "intervention"."schedule_bookings" USING btree ("tenant_id","intervention_id");
--> statement-breakpoint
-- (Re)writes the bookings of the given sessions from what they are now: none for a cancelled
-- session; its room; its facilitator and every facilitator named on its group; and, for each
-- resource the group needs, the lowest free units of the pool. Allocation locks each pool's row
-- first (in id order, so two groups sharing pools cannot deadlock), so concurrent allocations
-- of one pool queue up instead of both taking the same unit; too few free units raise the
-- same exclusion_violation a taken room does. The lock is FOR NO KEY UPDATE: it queues
-- allocators without waiting on the key-share locks that inserting intervention_resources rows
-- (their foreign key) holds on the same row, which FOR UPDATE would deadlock against.
CREATE FUNCTION intervention.book_sessions(p_tenant uuid, p_sessions uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  need record;
  taken integer;
BEGIN
  DELETE FROM intervention.schedule_bookings
   WHERE tenant_id = p_tenant AND session_id = ANY (p_sessions);

  INSERT INTO intervention.schedule_bookings (tenant_id, session_id, intervention_id, room_id, during)
  SELECT s.tenant_id, s.id, s.intervention_id, s.room_id,
         tstzrange(s.starts_at, s.starts_at + make_interval(mins => s.minutes), '[)')
    FROM intervention.intervention_sessions s
   WHERE s.tenant_id = p_tenant AND s.id = ANY (p_sessions)
     AND s.status <> 'cancelled' AND s.room_id IS NOT NULL;

  INSERT INTO intervention.schedule_bookings (tenant_id, session_id, intervention_id, staff_id, during)
  SELECT DISTINCT s.tenant_id, s.id, s.intervention_id, p.staff_id,
         tstzrange(s.starts_at, s.starts_at + make_interval(mins => s.minutes), '[)')
    FROM intervention.intervention_sessions s
    CROSS JOIN LATERAL (
      SELECT f.staff_id FROM intervention.intervention_facilitators f
       WHERE f.tenant_id = s.tenant_id AND f.intervention_id = s.intervention_id
      UNION SELECT s.facilitator_id WHERE s.facilitator_id IS NOT NULL
    ) p
   WHERE s.tenant_id = p_tenant AND s.id = ANY (p_sessions) AND s.status <> 'cancelled';

  PERFORM 1 FROM intervention.resources r
   WHERE r.tenant_id = p_tenant AND r.id IN (
     SELECT ir.resource_id FROM intervention.intervention_resources ir
       JOIN intervention.intervention_sessions s
         ON s.tenant_id = ir.tenant_id AND s.intervention_id = ir.intervention_id
      WHERE s.tenant_id = p_tenant AND s.id = ANY (p_sessions))
   ORDER BY r.id FOR NO KEY UPDATE;

  FOR need IN
    SELECT s.id AS session_id, s.intervention_id, ir.resource_id, ir.quantity, r.quantity AS pool,
           tstzrange(s.starts_at, s.starts_at + make_interval(mins => s.minutes), '[)') AS during
      FROM intervention.intervention_sessions s
      JOIN intervention.intervention_resources ir
        ON ir.tenant_id = s.tenant_id AND ir.intervention_id = s.intervention_id
      JOIN intervention.resources r ON r.tenant_id = ir.tenant_id AND r.id = ir.resource_id
     WHERE s.tenant_id = p_tenant AND s.id = ANY (p_sessions) AND s.status <> 'cancelled'
     ORDER BY s.starts_at, ir.resource_id
  LOOP
    INSERT INTO intervention.schedule_bookings
           (tenant_id, session_id, intervention_id, resource_id, unit, during)
    SELECT p_tenant, need.session_id, need.intervention_id, need.resource_id, u, need.during
      FROM generate_series(1, need.pool) u
     WHERE NOT EXISTS (
       SELECT 1 FROM intervention.schedule_bookings b
        WHERE b.tenant_id = p_tenant AND b.resource_id = need.resource_id
          AND b.unit = u AND b.during && need.during)
     ORDER BY u
     LIMIT need.quantity;
    GET DIAGNOSTICS taken = ROW_COUNT;
    IF taken < need.quantity THEN
      RAISE EXCEPTION 'resource % has too few free units for session %', need.resource_id, need.session_id
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'schedule_bookings_unit_free';
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Sessions book on insert; on update only when what they hold changed (taking attendance, which
-- marks a session held, rewrites nothing).
CREATE FUNCTION intervention.sessions_booked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE batch record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR batch IN SELECT n.tenant_id, array_agg(n.id) AS ids FROM new_sessions n GROUP BY n.tenant_id LOOP
      PERFORM intervention.book_sessions(batch.tenant_id, batch.ids);
    END LOOP;
  ELSE
    FOR batch IN
      SELECT n.tenant_id, array_agg(n.id) AS ids
        FROM new_sessions n JOIN old_sessions o ON o.tenant_id = n.tenant_id AND o.id = n.id
       WHERE n.starts_at IS DISTINCT FROM o.starts_at OR n.minutes IS DISTINCT FROM o.minutes
          OR n.room_id IS DISTINCT FROM o.room_id OR n.facilitator_id IS DISTINCT FROM o.facilitator_id
          OR (n.status = 'cancelled') IS DISTINCT FROM (o.status = 'cancelled')
       GROUP BY n.tenant_id
    LOOP
      PERFORM intervention.book_sessions(batch.tenant_id, batch.ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_booked_on_insert AFTER INSERT ON intervention.intervention_sessions
  REFERENCING NEW TABLE AS new_sessions FOR EACH STATEMENT EXECUTE FUNCTION intervention.sessions_booked();
--> statement-breakpoint
CREATE TRIGGER sessions_booked_on_update AFTER UPDATE ON intervention.intervention_sessions
  REFERENCING OLD TABLE AS old_sessions NEW TABLE AS new_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION intervention.sessions_booked();
--> statement-breakpoint
-- A group's facilitators or resources changed: its sessions still to come book again. Held
-- sessions keep what they held; cancelled ones hold nothing.
CREATE FUNCTION intervention.group_needs_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE batch record;
BEGIN
  FOR batch IN
    SELECT s.tenant_id, array_agg(s.id) AS ids
      FROM intervention.intervention_sessions s
     WHERE (s.tenant_id, s.intervention_id) IN (SELECT c.tenant_id, c.intervention_id FROM changed_groups c)
       AND s.status = 'scheduled'
     GROUP BY s.tenant_id
  LOOP
    PERFORM intervention.book_sessions(batch.tenant_id, batch.ids);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER facilitators_added AFTER INSERT ON intervention.intervention_facilitators
  REFERENCING NEW TABLE AS changed_groups FOR EACH STATEMENT EXECUTE FUNCTION intervention.group_needs_changed();
--> statement-breakpoint
CREATE TRIGGER facilitators_removed AFTER DELETE ON intervention.intervention_facilitators
  REFERENCING OLD TABLE AS changed_groups FOR EACH STATEMENT EXECUTE FUNCTION intervention.group_needs_changed();
--> statement-breakpoint
CREATE TRIGGER resources_added AFTER INSERT ON intervention.intervention_resources
  REFERENCING NEW TABLE AS changed_groups FOR EACH STATEMENT EXECUTE FUNCTION intervention.group_needs_changed();
--> statement-breakpoint
CREATE TRIGGER resources_changed AFTER UPDATE ON intervention.intervention_resources
  REFERENCING NEW TABLE AS changed_groups FOR EACH STATEMENT EXECUTE FUNCTION intervention.group_needs_changed();
--> statement-breakpoint
CREATE TRIGGER resources_removed AFTER DELETE ON intervention.intervention_resources
  REFERENCING OLD TABLE AS changed_groups FOR EACH STATEMENT EXECUTE FUNCTION intervention.group_needs_changed();
--> statement-breakpoint
-- Sessions already in the database book now, across districts, so the owner reads them without
-- the tenant policy for this one statement (secure_tables() below forces it again). A district
-- whose existing groups collide stops here with the pair named, rather than keeping a double
-- booking nobody sees.
ALTER TABLE intervention.intervention_sessions NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intervention.intervention_facilitators NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
SELECT intervention.book_sessions(s.tenant_id, array_agg(s.id))
  FROM intervention.intervention_sessions s GROUP BY s.tenant_id;
--> statement-breakpoint
-- A calendar app presents a feed token before its district is known, like a bearer token: the
-- owner's lookup function reads the feeds across districts (as owner_token_lookup does for
-- api_tokens in drizzle/0003_security_for_new_tables.sql).
CREATE POLICY owner_feed_lookup ON intervention.calendar_feeds FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION intervention.find_calendar_feed(p_token_hash text)
RETURNS TABLE (tenant_id uuid, feed_id uuid, user_id uuid, revoked boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT f.tenant_id, f.id, f.user_id, f.revoked_at IS NOT NULL
  FROM intervention.calendar_feeds f
  WHERE f.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION intervention.find_calendar_feed(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION intervention.find_calendar_feed(text) TO northstar_app;
--> statement-breakpoint
-- A tenant table: secure_tables() forces RLS with the tenant policy and grants the app role its
-- privileges (drizzle/0003_security_for_new_tables.sql; test/tenant-isolation.int.test.ts checks).
SELECT intervention.secure_tables();
