"use server";

import { revalidatePath } from "next/cache";
import {
  contactRestrictionSchema,
  liftContactRestrictionSchema,
} from "@/lib/domain/letters/recipients";
import { serverAction } from "@/lib/server/action";
import { liftContactRestriction } from "@/lib/use-cases/families/lift-contact-restriction";
import { recordContactRestriction } from "@/lib/use-cases/families/record-contact-restriction";

export const recordRestrictionAction = serverAction(
  contactRestrictionSchema,
  async (ctx, input) => {
    const link = await recordContactRestriction(ctx, input);
    revalidatePath("/admin/families");
    return { lettersWithheld: link.lettersWithheld };
  },
);

export const liftRestrictionAction = serverAction(
  liftContactRestrictionSchema,
  async (ctx, input) => {
    await liftContactRestriction(ctx, input);
    revalidatePath("/admin/families");
    return { lifted: true };
  },
);
