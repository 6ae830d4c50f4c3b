-- One mechanism for every table, present and future: `intervention.secure_tables()` forces RLS
-- with the tenant policy on each table that has a tenant_id, grants the app role its
-- privileges, and re-applies the exceptions (append-only audit, provisioning-only tables).
-- Every migration that adds a table ends with `SELECT intervention.secure_tables();`, and the
-- catalog test fails for a table it missed.
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

  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA intervention TO northstar_app;
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA intervention TO northstar_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON intervention.audit_log FROM northstar_app;
  REVOKE INSERT, DELETE ON intervention.districts FROM northstar_app;
  -- Provisioning and operator tables: no business of a request.
  REVOKE INSERT, UPDATE, DELETE ON intervention.app_meta FROM northstar_app;
  REVOKE ALL ON intervention.parked_messages FROM northstar_app;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION intervention.secure_tables() FROM PUBLIC;
--> statement-breakpoint
SELECT intervention.secure_tables();
--> statement-breakpoint
-- The relay and the event consumers are workers, not requests: they run as the owner and work
-- across districts on these tables only (each consumer still writes through withTenant).
CREATE POLICY owner_relay ON intervention.outbox FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_consumer ON intervention.inbox_events FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE SEQUENCE intervention.outbox_feed_position_seq;
--> statement-breakpoint
-- A presented bearer token is looked up before its district is known, like a sign-in e-mail.
CREATE POLICY owner_token_lookup ON intervention.api_tokens FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION intervention.find_api_token(p_token_hash text)
RETURNS TABLE (tenant_id uuid, token_id uuid, role text, created_by uuid, revoked boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT t.tenant_id, t.id, t.role::text, t.created_by, t.revoked_at IS NOT NULL
  FROM intervention.api_tokens t
  WHERE t.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION intervention.find_api_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION intervention.find_api_token(text) TO northstar_app;
--> statement-breakpoint
-- The audit trail is hash-chained per district. The row's content is hashed by one function, used
-- by the trigger that chains new rows and by `npm run audit:verify` that checks old ones.
CREATE FUNCTION intervention.audit_row_hash(r intervention.audit_log, previous text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(previous, '') || '|' || jsonb_build_object(
    'tenant', r.tenant_id, 'seq', r.chain_seq,
    'at', (extract(epoch FROM r.occurred_at) * 1000000)::bigint,
    'actor', r.actor_user_id, 'role', r.actor_role, 'action', r.action,
    'entityType', r.entity_type, 'entityId', r.entity_id, 'student', r.student_id,
    'before', r.before, 'after', r.after, 'reason', r.reason, 'request', r.request_id
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Rows of one district are chained one at a time: the advisory lock is held until commit, so
-- the previous row read here is committed and the chain has no forks.
CREATE FUNCTION intervention.audit_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE previous record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('intervention.audit_log:' || NEW.tenant_id::text, 0));
  SELECT chain_seq, hash INTO previous FROM intervention.audit_log
   WHERE tenant_id = NEW.tenant_id ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1;
  NEW.prev_hash := previous.hash;
  NEW.hash := intervention.audit_row_hash(NEW, previous.hash);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_chain BEFORE INSERT ON intervention.audit_log
  FOR EACH ROW EXECUTE FUNCTION intervention.audit_chain();
