/**
 * The families' part of the record (issue 13; docs/domain.md, "Families"): the words the
 * database's columns hold, in one place for the schema and the rules.
 */

/** What became of one guardian's summary for one period: sent, or held by a specialist. */
export const SUMMARY_STATUSES = ["sent", "held"] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

/** What a family may ask through the portal besides an evaluation (which has its own record). */
export const FAMILY_REQUEST_KINDS = ["amendment", "question"] as const;
export type FamilyRequestKind = (typeof FAMILY_REQUEST_KINDS)[number];

export const FAMILY_REQUEST_STATUSES = ["open", "answered"] as const;
export type FamilyRequestStatus = (typeof FAMILY_REQUEST_STATUSES)[number];
