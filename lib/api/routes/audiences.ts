/** Who may call a route, as the reference page says it. */
export const MANAGERS = "Intervention specialists and district admins.";
export const STAFF = "Staff (specialists, facilitators, teachers, admins).";
export const ANYONE_SIGNED_IN = "Anyone signed in; each sees what their role and relations allow.";
export const GROUP_TEAM = "The group's facilitators, intervention specialists and district admins.";
export const WHO_SEES_GROUP =
  "Whoever may see the intervention (its team, teachers of its students, their families).";
