-- The job runner (pg-boss, docs/decisions/0011-one-job-runner.md) keeps its queues in schema
-- pgboss, owned by northstar_owner and out of the app role's reach. A district admin sees them
-- through these two functions only: counts per queue, and recent jobs without their payloads,
-- with an error message only for jobs that name the admin's own district. pg-boss creates its
-- schema when a runner first starts, so the functions answer nothing until then.
CREATE FUNCTION "intervention"."job_queue_counts"()
RETURNS TABLE ("queue" text, "waiting" bigint, "running" bigint, "done" bigint, "failed" bigint, "retried" bigint, "last_done" timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF to_regclass('pgboss.job') IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE $q$
    SELECT name::text,
           count(*) FILTER (WHERE state IN ('created', 'retry')),
           count(*) FILTER (WHERE state = 'active'),
           count(*) FILTER (WHERE state = 'completed'),
           count(*) FILTER (WHERE state = 'failed'),
           count(*) FILTER (WHERE retry_count > 0),
           max(completed_on) FILTER (WHERE state = 'completed')
    FROM pgboss.job
    GROUP BY name
    ORDER BY name
  $q$;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "intervention"."recent_jobs"("max_rows" integer)
RETURNS TABLE ("id" uuid, "queue" text, "state" text, "retry_count" integer, "retry_limit" integer, "created_on" timestamptz, "started_on" timestamptz, "completed_on" timestamptz, "error" text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF to_regclass('pgboss.job') IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE $q$
    SELECT id, name::text, state::text, retry_count, retry_limit, created_on, started_on, completed_on,
           CASE WHEN state IN ('failed', 'retry')
                 AND data->>'tenantId' = current_setting('app.current_tenant', true)
                THEN left(coalesce(output->>'message', output::text), 500) END
    FROM pgboss.job
    WHERE state <> 'completed' OR retry_count > 0
    ORDER BY created_on DESC
    LIMIT least(greatest($1, 1), 200)
  $q$ USING max_rows;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "intervention"."job_queue_counts"() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION "intervention"."recent_jobs"(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "intervention"."job_queue_counts"() TO "northstar_app";--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "intervention"."recent_jobs"(integer) TO "northstar_app";
