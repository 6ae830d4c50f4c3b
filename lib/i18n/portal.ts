import { en, type PortalText } from "./portal-en";
import { es } from "./portal-es";

export type { PortalText };

/** The words of the family portal in the parent's language; English where there is none. */
export function portalText(locale: string): { text: PortalText; dateLocale: string } {
  return locale === "es" ? { text: es, dateLocale: "es-US" } : { text: en, dateLocale: "en-US" };
}
