-- API tokens expire (issue 14, item 5; decision 0013). Tokens made before this had no end:
-- they get 90 days from their creation, the default a new token is given.
ALTER TABLE "intervention"."api_tokens" ADD COLUMN "expires_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "intervention"."api_tokens" SET "expires_at" = "created_at" + interval '90 days';
--> statement-breakpoint
ALTER TABLE "intervention"."api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
--> statement-breakpoint
-- The presented token's lookup (drizzle/0003) now returns its end too. Its return type changes,
-- which CREATE OR REPLACE cannot do: dropped and created again, with the same grants.
DROP FUNCTION intervention.find_api_token(text);
--> statement-breakpoint
CREATE FUNCTION intervention.find_api_token(p_token_hash text)
RETURNS TABLE (tenant_id uuid, token_id uuid, role text, created_by uuid, revoked boolean, expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT t.tenant_id, t.id, t.role::text, t.created_by, t.revoked_at IS NOT NULL, t.expires_at
  FROM intervention.api_tokens t
  WHERE t.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION intervention.find_api_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION intervention.find_api_token(text) TO northstar_app;
