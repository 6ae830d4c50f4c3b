import type { PublicContext } from "../context";
import { describeSubject, type OptOutLinkState, withOptOutLink } from "./opt-out-link";

/** The opt-out page before confirming: what the family would opt out of, or why the link fails. */
export async function describeOptOut(ctx: PublicContext, token: string): Promise<OptOutLinkState> {
  return withOptOutLink(ctx, token, async (_tx, _claims, subject) =>
    describeSubject(subject, subject.decidedAt),
  );
}
