import type { Actor } from "./actor";
import { isManager } from "./policy";

/**
 * Intervention templates (Scenario 10). Those who plan groups — specialists and admins — use
 * them. A template without owner is the district's, made and changed by admins; a personal one
 * is its owner's alone until an admin shares it with the district.
 */
export function mayUseTemplates(actor: Pick<Actor, "role">): boolean {
  return isManager(actor);
}

/** A new template of this actor is the district's (admins) or their own (specialists). */
export function newTemplateOwner(actor: Pick<Actor, "role" | "userId">): string | null {
  return actor.role === "admin" ? null : actor.userId;
}

/**
 * Who sees one template: a district one, every manager; a personal one, its owner — and the
 * district's admins, who must see it to share it.
 */
export function seesTemplate(
  actor: Pick<Actor, "role" | "userId">,
  template: { ownerUserId: string | null },
): boolean {
  if (!mayUseTemplates(actor)) return false;
  return (
    template.ownerUserId === null || template.ownerUserId === actor.userId || actor.role === "admin"
  );
}

/**
 * Sharing a personal template with the district, and listing the specialists' templates to
 * choose from: admins, who keep the district's library.
 */
export function maySharePersonalTemplates(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}

/** Changing a template: its owner, or an admin (the only ones who change district templates). */
export function mayEditTemplate(
  actor: Pick<Actor, "role" | "userId">,
  template: { ownerUserId: string | null },
): boolean {
  return actor.role === "admin" || template.ownerUserId === actor.userId;
}
