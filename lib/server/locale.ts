import "server-only";
import { cookies } from "next/headers";
import { type Actor, isFamily } from "@/lib/domain/policy";
import { formFields } from "./form-fields";

/**
 * The family portal's language switch (issue 13, point 2). A parent reads the portal in their
 * account's language unless they chose the other one with the switch on every portal page; the
 * choice is kept in a cookie of this browser for a year, so a parent reading on a shared phone
 * changes nothing for the others, and the letters keep going out in the guardian's language.
 */

const LANGUAGE_COOKIE = "northstar-portal-language";
const KEPT_SECONDS = 365 * 24 * 60 * 60;
const PORTAL_LANGUAGES = ["en", "es"] as const;
type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

function portalLanguage(value: unknown): PortalLanguage | null {
  return PORTAL_LANGUAGES.find((lang) => lang === value) ?? null;
}

/** The actor as the pages see them: a parent's `locale` is the language they chose, if any. */
export async function withChosenLanguage(actor: Actor | null): Promise<Actor | null> {
  if (!actor || !isFamily(actor)) return actor;
  const chosen = portalLanguage((await cookies()).get(LANGUAGE_COOKIE)?.value);
  return chosen ? { ...actor, locale: chosen } : actor;
}

/** The switch's server action: keeps the language picked; the page re-renders in it. */
export async function chooseLanguage(form: FormData): Promise<void> {
  "use server";
  const chosen = portalLanguage(formFields(form).lang ?? null);
  if (!chosen) return;
  (await cookies()).set(LANGUAGE_COOKIE, chosen, {
    path: "/",
    maxAge: KEPT_SECONDS,
    sameSite: "lax",
    httpOnly: true,
  });
}
