/**
 * Whether the demo districts are loaded (issue 14, item 5). Their accounts share a password the
 * README publishes, so they exist only when someone asks for them, and never on a production
 * server unless it is declared a demo server.
 */

import { type SeedOptions, type SeedResult, seedDemoData } from "./index";

/** The settings the answer depends on (lib/config.ts). */
export interface DemoSettings {
  /** "true" asks for the demo districts, "false" refuses them; unset leaves it to the caller. */
  SEED_DEMO_DATA?: "true" | "false";
  /** "true" declares a demo server: the only way to load them under NODE_ENV=production. */
  NORTHSTAR_DEMO?: "true" | "false";
  NODE_ENV?: string;
}

export class DemoRefused extends Error {}

/**
 * True when the demo is wanted. `localDefault` is what the caller asks for when the setting is
 * unset: `npm start` on its embedded database asks for it (and says so), anything else does not.
 * Asked for under NODE_ENV=production without NORTHSTAR_DEMO=true, it refuses by name.
 */
export function demoWanted(settings: DemoSettings, localDefault = false): boolean {
  const asked =
    settings.SEED_DEMO_DATA === undefined ? localDefault : settings.SEED_DEMO_DATA === "true";
  if (!asked) return false;
  if (settings.NODE_ENV === "production" && settings.NORTHSTAR_DEMO !== "true") {
    throw new DemoRefused(
      "The demo districts (whose password is published in README.md) are not loaded with " +
        "NODE_ENV=production: set NORTHSTAR_DEMO=true to declare a demo server, or " +
        "SEED_DEMO_DATA=false.",
    );
  }
  return true;
}

/** Loads the demo districts when `demoWanted` says so; null when they were not asked for. */
export async function seedDemoDataIfAsked(
  ownerUrl: string,
  settings: DemoSettings,
  options: SeedOptions & { localDefault?: boolean },
): Promise<SeedResult | null> {
  if (!demoWanted(settings, options.localDefault)) return null;
  return seedDemoData(ownerUrl, { today: options.today, scale: options.scale });
}
