import { z } from "zod";

/** A NATS subject prefix: dot-separated tokens without wildcards or spaces. */
const subjectPrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "a dot-separated NATS subject prefix");
const streamName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ and - only");

/**
 * The integration settings, read once by the workers (README, "Events"). With no `NATS_URL`
 * the relay still runs: it publishes to the `/api/v1/events` feed only, and no consumer starts.
 */
const integrationSchema = z.object({
  NATS_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  NATS_STREAM: streamName.default("NORTHSTAR_INTERVENTIONS"),
  NATS_SUBJECT_PREFIX: subjectPrefix.default("northstar.interventions"),
  NATS_INBOUND_STREAM: streamName.default("NORTHSTAR_DISTRICT_EVENTS"),
  NATS_INBOUND_PREFIX: subjectPrefix.default("northstar"),
  NATS_CONSUMER_PREFIX: streamName.default("northstar-interventions"),
  RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  RELAY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
});

export type IntegrationConfig = z.output<typeof integrationSchema>;

export function integrationConfig(env: NodeJS.ProcessEnv = process.env): IntegrationConfig {
  const parsed = integrationSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid integration configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}
