import "server-only";
import { headers } from "next/headers";
import { type AuthLanguage, authLanguage } from "@/lib/i18n/auth";

/** The language of a page before sign-in: `?lang=`, else the browser's first preference. */
export async function pageLanguage(
  searchParams: Promise<{ lang?: string | string[] }>,
): Promise<AuthLanguage> {
  const { lang } = await searchParams;
  return authLanguage(
    Array.isArray(lang) ? lang[0] : lang,
    (await headers()).get("accept-language"),
  );
}
