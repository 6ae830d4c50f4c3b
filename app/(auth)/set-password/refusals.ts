/** Why a password link cannot be used, in words that say what to do next. */
export const LINK_REFUSALS = {
  invalid: "This link does not work. Ask your district's administrator for a new one.",
  expired: "This link has expired. Ask your district's administrator for a new one.",
  used: "This link was used already: your password is set. Sign in, or ask your district's administrator for a new link.",
} as const;
