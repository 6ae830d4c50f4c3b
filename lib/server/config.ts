import { z } from "zod";

/**
 * Every setting the running app reads, validated once. The README lists each with its
 * default; with nothing set the app runs on embedded defaults.
 */
const configSchema = z.object({
  APP_DATABASE_URL: z.string().min(1, "APP_DATABASE_URL is required (npm start sets it)."),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters."),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("your district account"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type AppConfig = z.infer<typeof configSchema>;

let cached: AppConfig | undefined;

export function appConfig(): AppConfig {
  if (!cached) {
    const parsed = configSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function oidcConfigured(config: AppConfig = appConfig()): boolean {
  return Boolean(
    config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_CLIENT_ID && config.AUTH_OIDC_CLIENT_SECRET,
  );
}
