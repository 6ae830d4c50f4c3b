import type { Actor } from "@/lib/domain/policy";

export interface NavLink {
  href: string;
  label: string;
}

/** What each role finds in the header. Pages still authorize on their own. */
export function navigationFor(actor: Pick<Actor, "role" | "locale">): NavLink[] {
  switch (actor.role) {
    case "parent":
      return [{ href: "/portal", label: actor.locale === "es" ? "Mi familia" : "My family" }];
    case "teacher":
      return [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/my-students", label: "My students" },
      ];
    case "facilitator":
      return [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/sessions", label: "Today's sessions" },
      ];
    case "specialist":
      return [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/sessions", label: "Today's sessions" },
        { href: "/caseload", label: "Caseload" },
        { href: "/exit-reviews", label: "Exit reviews" },
        { href: "/meetings", label: "MTSS meetings" },
        { href: "/reports/at-risk", label: "At-risk students" },
        { href: "/templates", label: "Templates" },
        { href: "/interventions/new", label: "New intervention" },
      ];
    case "admin":
      return [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/reports/district", label: "District view" },
        { href: "/exit-reviews", label: "Exit reviews" },
        { href: "/meetings", label: "MTSS meetings" },
        { href: "/reports/at-risk", label: "At-risk students" },
        { href: "/templates", label: "Templates" },
        { href: "/interventions/new", label: "New intervention" },
        { href: "/admin", label: "Administration" },
      ];
  }
}
