import { type Config, ConfigError, config } from "@/lib/config";

/** The settings of the Next server: lib/config.ts's, with the two `npm start` always gives. */
export type AppConfig = Config & { APP_DATABASE_URL: string; AUTH_SECRET: string };

export function appConfig(): AppConfig {
  const settings = config();
  const missing = (["APP_DATABASE_URL", "AUTH_SECRET"] as const).filter((name) => !settings[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration: ${missing.join(" and ")} must be set (npm start sets both).`,
    );
  }
  return settings as AppConfig;
}

export function oidcConfigured(settings: Config = appConfig()): boolean {
  return Boolean(
    settings.AUTH_OIDC_ISSUER && settings.AUTH_OIDC_CLIENT_ID && settings.AUTH_OIDC_CLIENT_SECRET,
  );
}
