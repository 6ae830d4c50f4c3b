import type { PublicContext } from "../context";
import {
  describeUnsubscribeSubject,
  type UnsubscribeLinkState,
  withUnsubscribeLink,
} from "./unsubscribe-link";

/**
 * The unsubscribe page before the button is pressed: whether the link works and whether
 * optional mail is already stopped. Reads only; a GET never stops mail (link checkers open links).
 */
export async function describeUnsubscribe(
  ctx: PublicContext,
  token: string,
): Promise<UnsubscribeLinkState> {
  return withUnsubscribeLink(ctx, token, async (_tx, _claims, subject) =>
    describeUnsubscribeSubject(subject, subject.optionalMailStoppedAt),
  );
}
