import { othersPersonalTemplates } from "@/db/queries/templates";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { maySharePersonalTemplates } from "@/lib/domain/policy";
import type { TemplateDto } from "@/lib/domain/templates/schemas";
import type { UseCaseContext } from "../context";
import { toTemplateDto } from "./template-dto";

export interface SpecialistTemplateDto extends TemplateDto {
  ownerName: string;
}

/**
 * The specialists' personal templates, for an admin to choose which to share with the district
 * (`PUT /templates/{id}` with `shareWithDistrict`). Nobody else lists them: a specialist sees
 * only their own (docs/domain.md, "Templates").
 */
export async function listSpecialistTemplates(
  ctx: UseCaseContext,
): Promise<{ items: SpecialistTemplateDto[] }> {
  if (!maySharePersonalTemplates(ctx.actor)) {
    throw new ForbiddenError("Only district admins see the specialists' templates.");
  }
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const rows = await othersPersonalTemplates(tx, ctx.actor.tenantId, ctx.actor.userId);
    return { items: rows.map((row) => ({ ...toTemplateDto(row), ownerName: row.ownerName })) };
  });
}
