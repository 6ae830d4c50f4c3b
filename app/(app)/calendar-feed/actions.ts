"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/domain/zod";
import { serverAction } from "@/lib/server/action";
import { createCalendarFeed } from "@/lib/use-cases/calendar/create-calendar-feed";
import { revokeCalendarFeed } from "@/lib/use-cases/calendar/revoke-calendar-feed";

const noInput = z.object({});

/** Returns the feed's secret address once; the page never shows it again. */
export const createCalendarFeedAction = serverAction(noInput, async (ctx) => {
  const created = await createCalendarFeed(ctx);
  revalidatePath("/calendar-feed");
  return { url: created.url };
});

export const revokeCalendarFeedAction = serverAction(noInput, async (ctx) => {
  const result = await revokeCalendarFeed(ctx);
  revalidatePath("/calendar-feed");
  return result;
});
