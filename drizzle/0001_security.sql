-- Tenant isolation, privileges and the few cross-tenant lookups sign-in needs.
-- Runs as the owner role (northstar_owner); requests run as northstar_app, which owns nothing,
-- is not superuser and has no BYPASSRLS, so these policies hold even when application code is wrong.

-- Every table with a tenant_id column: RLS enabled AND forced (the owner is filtered too),
-- one policy for reads and writes. A missing tenant setting yields NULL, so no rows, never a default.
DO $$
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
END $$;
--> statement-breakpoint
ALTER TABLE intervention.districts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE intervention.districts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON intervention.districts
  USING (id = nullif(current_setting('app.current_tenant', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.current_tenant', true), '')::uuid);
--> statement-breakpoint
-- Sign-in knows only an e-mail address, so it must look across districts. It does so through one
-- SECURITY DEFINER function that returns the single matching account, never a table scan the app
-- role could widen. The owner may read users and districts for exactly this purpose.
CREATE POLICY owner_sign_in_lookup ON intervention.users FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE POLICY owner_sign_in_lookup ON intervention.districts FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE FUNCTION intervention.find_sign_in_account(p_email text)
RETURNS TABLE (tenant_id uuid, user_id uuid, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT u.tenant_id, u.id, u.password_hash, u.active
  FROM intervention.users u
  WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION intervention.find_sign_in_account(text) FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA intervention TO northstar_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION intervention.find_sign_in_account(text) TO northstar_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA intervention TO northstar_app;
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON intervention.audit_log FROM northstar_app;
--> statement-breakpoint
-- Districts are created by provisioning (seed, admin tooling), not by requests.
REVOKE INSERT, DELETE ON intervention.districts FROM northstar_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA intervention TO northstar_app;
