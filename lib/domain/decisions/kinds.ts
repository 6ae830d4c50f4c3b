/** Where an exit review stands (Scenario 11; docs/domain.md, "Exit"). */
export const EXIT_REVIEW_STATUSES = ["eligible", "recommended", "approved", "declined"] as const;
export type ExitReviewStatus = (typeof EXIT_REVIEW_STATUSES)[number];

/** A weekly follow-up after an exit: not yet done, or what the facilitator saw. */
export const FOLLOW_UP_STATUSES = ["due", "holding", "slipping"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Who asked for a special-education evaluation. */
export const REQUESTER_KINDS = ["guardian", "staff"] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const EVALUATION_REQUEST_STATUSES = ["open", "answered"] as const;
export type EvaluationRequestStatus = (typeof EVALUATION_REQUEST_STATUSES)[number];
