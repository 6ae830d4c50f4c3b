import { listReadTarget, recordRead } from "@/db/queries/audit";
import { publishedEventsAfter } from "@/db/queries/events/feed";
import { withTenant } from "@/db/with-tenant";
import { studentsNamedIn } from "@/lib/domain/audit/students-named";
import { ForbiddenError, ValidationError } from "@/lib/domain/errors";
import { canReadEventFeed } from "@/lib/domain/policy";
import { decodeCursor, encodeCursor } from "../common/cursor";
import type { UseCaseContext } from "../context";
import { type CloudEvent, toCloudEvent } from "./cloud-event";

export interface EventFeedQuery {
  after?: string;
  limit: number;
}

export interface EventFeedPage {
  items: CloudEvent[];
  /** Pass as `after` to continue; also when `items` is empty, to poll from the same place. */
  nextCursor: string | null;
  /** More events are already waiting after this page. */
  hasMore: boolean;
}

function positionOf(cursor: string): number {
  const position = Number(decodeCursor(cursor).id);
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new ValidationError([{ path: "after", message: "Not a cursor this API gave out." }]);
  }
  return position;
}

/**
 * The district's published events in feed order, as CloudEvents: for consumers without NATS.
 * Feed positions are handed out as events are published and become visible in order, so a
 * reader that pages with the cursor sees every event once, including late commits.
 */
export async function listPublishedEvents(
  ctx: UseCaseContext,
  query: EventFeedQuery,
): Promise<EventFeedPage> {
  if (!canReadEventFeed(ctx.actor)) {
    throw new ForbiddenError("Only district admins (or admin API tokens) read the events feed.");
  }
  const after = query.after ? positionOf(query.after) : 0;
  const rows = await withTenant(ctx.db, ctx.actor, async (tx) => {
    const found = await publishedEventsAfter(tx, ctx.actor.tenantId, after, query.limit + 1);
    const shown = found.slice(0, query.limit);
    // Events name students (enrollments, tier changes, marks): the page read is logged once.
    if (shown.length > 0) {
      const students = new Set<string>();
      for (const event of shown) studentsNamedIn(event.data, students);
      await recordRead(
        tx,
        ctx.actor,
        ctx.requestId,
        listReadTarget("events", students, {
          events: shown.length,
          from: shown[0]?.id,
          to: shown.at(-1)?.id,
        }),
      );
    }
    return found;
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCloudEvent),
    nextCursor: last
      ? encodeCursor({ at: last.publishedAt.toISOString(), id: String(last.feedPosition) })
      : (query.after ?? null),
    hasMore: rows.length > query.limit,
  };
}
