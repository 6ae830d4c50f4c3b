-- Issue 15 (item 2): the audit chain leaves the request's transaction. Audit rows are inserted
-- with no lock and queued for sealing; one sealer per district (the `seal-audit-trail` job, as
-- the worker role) chains them after commit into audit_seals, in the order it finds them
-- committed. docs/decisions/0027-audit-seals.md says why and what it costs.
CREATE TABLE "intervention"."audit_seals" (
	"tenant_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"audit_id" bigint NOT NULL,
	"prev_hash" varchar(64),
	"hash" varchar(64) NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_seals_tenant_id_position_pk" PRIMARY KEY("tenant_id","position")
);
--> statement-breakpoint
CREATE TABLE "intervention"."audit_unsealed" (
	"tenant_id" uuid NOT NULL,
	"audit_id" bigint NOT NULL,
	"queued_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "audit_unsealed_tenant_id_audit_id_pk" PRIMARY KEY("tenant_id","audit_id")
);
--> statement-breakpoint
ALTER TABLE "intervention"."audit_seals" ADD CONSTRAINT "audit_seals_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention"."audit_unsealed" ADD CONSTRAINT "audit_unsealed_tenant_id_districts_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "intervention"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_row" ON "intervention"."audit_seals" USING btree ("tenant_id","audit_id");--> statement-breakpoint
-- A seal's hash is the row's hash of migration 0003 with the seal's position in place of the
-- row's chain_seq, so the seals of the rows chained before this migration carry their hashes
-- unchanged. The content is hashed here, once; audit_row_hash (0003) now calls this with the
-- row's own chain_seq, so both name the same bytes.
CREATE FUNCTION intervention.audit_seal_hash(r intervention.audit_log, seal_position bigint, previous text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(previous, '') || '|' || jsonb_build_object(
    'tenant', r.tenant_id, 'seq', seal_position,
    'at', (extract(epoch FROM r.occurred_at) * 1000000)::bigint,
    'actor', r.actor_user_id, 'role', r.actor_role, 'action', r.action,
    'entityType', r.entity_type, 'entityId', r.entity_id, 'student', r.student_id,
    'before', r.before, 'after', r.after, 'reason', r.reason, 'request', r.request_id
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION intervention.audit_row_hash(r intervention.audit_log, previous text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT intervention.audit_seal_hash(r, r.chain_seq, previous)
$$;
--> statement-breakpoint
-- Seals are written once, like the rows they chain (0015's trigger function names its table).
CREATE FUNCTION intervention.audit_seals_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit seals are append-only: % on intervention.audit_seals is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_update_or_delete BEFORE UPDATE OR DELETE ON intervention.audit_seals
  FOR EACH ROW EXECUTE FUNCTION intervention.audit_seals_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON intervention.audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION intervention.audit_seals_append_only();
--> statement-breakpoint
-- The chain so far becomes the first seals, place for place. Rows without a place (inserted
-- past the trigger) stay unsealed and unqueued: audit:verify keeps reporting them.
ALTER TABLE intervention.audit_log NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO intervention.audit_seals (tenant_id, position, audit_id, prev_hash, hash)
  SELECT tenant_id, chain_seq, id, prev_hash, hash FROM intervention.audit_log
  WHERE chain_seq IS NOT NULL AND hash IS NOT NULL;
--> statement-breakpoint
-- The insert no longer waits for the district's lock: it only queues its rows for the sealer.
DROP TRIGGER audit_chain ON intervention.audit_log;
--> statement-breakpoint
DROP FUNCTION intervention.audit_chain();
--> statement-breakpoint
-- It runs as the owner, so no service role needs to write the queue itself: an entry is only ever
-- the shadow of a row inserted in the same transaction (the tenant policy still applies).
CREATE FUNCTION intervention.audit_queue_for_sealing() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO intervention.audit_unsealed (tenant_id, audit_id)
    SELECT tenant_id, id FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_queue_for_sealing AFTER INSERT ON intervention.audit_log
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION intervention.audit_queue_for_sealing();
--> statement-breakpoint
-- The sealer of one district: takes the queued rows in id order, each sealed after the last
-- seal, and empties their queue entries. The advisory lock and the primary key (tenant_id,
-- position) keep two sealers from forking the chain; each statement reads what committed before
-- it, so the last seal read after the lock is the newest.
CREATE FUNCTION intervention.seal_audit_rows(p_tenant uuid, p_limit integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  last_seal record;
  r intervention.audit_log;
  seal_position bigint;
  previous text;
  sealed_ids bigint[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('intervention.audit_seals:' || p_tenant::text, 0));
  SELECT s.position, s.hash INTO last_seal FROM intervention.audit_seals s
   WHERE s.tenant_id = p_tenant ORDER BY s.position DESC LIMIT 1;
  seal_position := coalesce(last_seal.position, 0);
  previous := last_seal.hash;
  -- From the queue's first rows to the log by its key: the plan stays short however large the
  -- log and whatever the queue's statistics say.
  FOR r IN
    SELECT a.* FROM (SELECT q.audit_id FROM intervention.audit_unsealed q
                      WHERE q.tenant_id = p_tenant ORDER BY q.audit_id LIMIT p_limit) u
      CROSS JOIN LATERAL (SELECT * FROM intervention.audit_log l
                           WHERE l.tenant_id = p_tenant AND l.id = u.audit_id LIMIT 1) a
     ORDER BY u.audit_id
  LOOP
    seal_position := seal_position + 1;
    INSERT INTO intervention.audit_seals (tenant_id, position, audit_id, prev_hash, hash)
      VALUES (p_tenant, seal_position, r.id, previous,
              intervention.audit_seal_hash(r, seal_position, previous))
      RETURNING hash INTO previous;
    sealed_ids := sealed_ids || r.id;
  END LOOP;
  DELETE FROM intervention.audit_unsealed
   WHERE tenant_id = p_tenant AND audit_id = ANY (sealed_ids);
  RETURN cardinality(sealed_ids);
END $$;
--> statement-breakpoint
-- secure_tables() as in 0015, plus: only the worker role writes seals (no role changes them),
-- the queue is written by its trigger only, and emptied by the sealer (the worker role).
CREATE OR REPLACE FUNCTION intervention.secure_tables() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'intervention' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE intervention.%I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE intervention.%I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON intervention.%I', t.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON intervention.%I
         USING (tenant_id = nullif(current_setting(''app.current_tenant'', true), '''')::uuid)
         WITH CHECK (tenant_id = nullif(current_setting(''app.current_tenant'', true), '''')::uuid)',
      t.relname);
  END LOOP;

  GRANT USAGE ON SCHEMA intervention TO northstar_app, northstar_worker;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA intervention
    TO northstar_app, northstar_worker;
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA intervention TO northstar_app, northstar_worker;
  REVOKE UPDATE, DELETE, TRUNCATE ON intervention.audit_log FROM northstar_app, northstar_worker;
  REVOKE UPDATE, DELETE, TRUNCATE ON intervention.audit_seals FROM northstar_app, northstar_worker;
  REVOKE INSERT ON intervention.audit_seals FROM northstar_app;
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON intervention.audit_unsealed FROM northstar_app;
  REVOKE INSERT, UPDATE, TRUNCATE ON intervention.audit_unsealed FROM northstar_worker;
  REVOKE INSERT, DELETE ON intervention.districts FROM northstar_app, northstar_worker;
  -- FERPA records are written once and never changed or removed: a disclosure record, a tier
  -- decision and a note's earlier version (db/queries only INSERT and SELECT them).
  REVOKE UPDATE, DELETE, TRUNCATE ON intervention.disclosures, intervention.tier_changes,
    intervention.progress_note_revisions FROM northstar_app, northstar_worker;
  -- Provisioning and operator tables: no business of a request. The workers claim a day's run of
  -- a daily job in app_meta (db/queries/exits/daily-claim.ts) and park the consumed messages
  -- that cannot apply.
  REVOKE INSERT, UPDATE, DELETE ON intervention.app_meta FROM northstar_app;
  REVOKE ALL ON intervention.parked_messages FROM northstar_app;
END $$;
--> statement-breakpoint
SELECT intervention.secure_tables();
--> statement-breakpoint
-- The sealer finds the districts with queued rows before visiting each through withTenant.
CREATE POLICY worker_sealer ON intervention.audit_unsealed FOR SELECT TO northstar_worker
  USING (true);
