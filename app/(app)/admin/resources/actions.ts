"use server";

import { revalidatePath } from "next/cache";
import {
  createResourceSchema,
  updateResourceSchema,
} from "@/lib/domain/scheduling/resource-schemas";
import { hourlyStaffCostsSchema } from "@/lib/domain/scheduling/staff-cost";
import { z } from "@/lib/domain/zod";
import { actionArgument, serverAction } from "@/lib/server/action";
import { createResource } from "@/lib/use-cases/resources/create-resource";
import { retireResource } from "@/lib/use-cases/resources/retire-resource";
import { saveStaffCosts } from "@/lib/use-cases/resources/save-staff-costs";
import { updateResource } from "@/lib/use-cases/resources/update-resource";

const PAGE = "/admin/resources";

export const createResourceAction = serverAction(createResourceSchema, async (ctx, input) => {
  const created = await createResource(ctx, input);
  revalidatePath(PAGE);
  return created;
});

export const updateResourceAction = serverAction(
  updateResourceSchema,
  async (ctx, input, resourceId) => {
    const updated = await updateResource(ctx, resourceId, input);
    revalidatePath(PAGE);
    return updated;
  },
  actionArgument.id,
);

export const retireResourceAction = serverAction(
  z.object({}),
  async (ctx, _input, id) => {
    const retired = await retireResource(ctx, id);
    revalidatePath(PAGE);
    return retired;
  },
  actionArgument.id,
);

export const saveStaffCostsAction = serverAction(hourlyStaffCostsSchema, async (ctx, input) => {
  const saved = await saveStaffCosts(ctx, input);
  revalidatePath(PAGE);
  return saved;
});
