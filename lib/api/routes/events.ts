import type { RouteSpec } from "../registry";
import { eventFeedPageSchema, eventsFeedQuerySchema } from "../schemas/events";

/** The Events routes of the HTTP API (lib/api/routes/index.ts lists them all). */
export const eventsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "Read the published-events feed",
    description:
      "The district's published events in feed order, as the same CloudEvents that go to NATS: for consumers without NATS. Start without `after`, then pass each page's `nextCursor`. Events are never skipped, including those of transactions that commit late.",
    access: "District admins, and API tokens with the admin role.",
    query: eventsFeedQuerySchema,
    responses: { 200: { description: "A page of the feed.", schema: eventFeedPageSchema } },
    errors: [400, 401, 403],
  },
];
