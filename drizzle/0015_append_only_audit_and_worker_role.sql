-- Issue 14: the audit log append-only for every role, a role of their own for the background
-- workers, and the FERPA record tables (disclosures, tier changes, note revisions) written once.
-- Runs as the owner; northstar_worker exists already (db/bootstrap.ts, or a DBA: README).

-- The audit log refuses UPDATE, DELETE and TRUNCATE from anyone, the owner and a superuser
-- included: grants alone left the owner (which the workers used) free to rewrite the newest rows
-- unnoticed. Undoing this takes DROP TRIGGER or ALTER TABLE as the owner, or a superuser's
-- session_replication_role, none of which the service ever does.
CREATE FUNCTION intervention.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on intervention.audit_log is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON intervention.audit_log
  FOR EACH ROW EXECUTE FUNCTION intervention.audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON intervention.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION intervention.audit_log_append_only();
--> statement-breakpoint
-- secure_tables() now grants the worker role what it grants the app role, and keeps every
-- exception of 0003 and the new ones, so each later migration that calls it keeps them too.
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
REVOKE ALL ON FUNCTION intervention.secure_tables() FROM PUBLIC;
--> statement-breakpoint
SELECT intervention.secure_tables();
--> statement-breakpoint
-- The workers' reads across districts, as the owner had them (0001, 0003): the relay claims and
-- marks every district's outbox rows, the consumers check the inbox for a repeat, the jobs list
-- the districts to visit each in turn (through withTenant).
CREATE POLICY worker_relay ON intervention.outbox FOR ALL TO northstar_worker
  USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_consumer ON intervention.inbox_events FOR SELECT TO northstar_worker
  USING (true);
--> statement-breakpoint
CREATE POLICY worker_district_list ON intervention.districts FOR SELECT TO northstar_worker
  USING (true);
