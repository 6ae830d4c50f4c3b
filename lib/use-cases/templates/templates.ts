import type { Tx } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import {
  findTemplate,
  insertTemplate,
  type StoredTemplate,
  updateTemplateRow,
  usableTemplates,
} from "@/db/queries/templates";
import type { interventionTemplates } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { changedFields } from "@/lib/domain/audit/changes";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import {
  mayEditTemplate,
  maySharePersonalTemplates,
  mayUseTemplates,
  newTemplateOwner,
  seesTemplate,
} from "@/lib/domain/policy";
import type {
  CreateTemplateInput,
  TemplateDto,
  UpdateTemplateInput,
} from "@/lib/domain/templates/schemas";
import type { UseCaseContext } from "../context";
import { toTemplateDto } from "./template-dto";

/**
 * Intervention templates (Scenario 10, issue 12): list, read, create and change. Saving a
 * group as a template is lib/use-cases/interventions/save-as-template.ts.
 */

export function requireTemplateUser(ctx: UseCaseContext): void {
  if (!mayUseTemplates(ctx.actor)) {
    throw new ForbiddenError("Only intervention specialists and district admins use templates.");
  }
}

/** The template through the actor's eyes: someone else's personal one is "not found". */
export async function loadVisibleTemplate(
  tx: Tx,
  ctx: UseCaseContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredTemplate> {
  const row = await findTemplate(tx, ctx.actor.tenantId, id, options);
  if (!row || !seesTemplate(ctx.actor, row)) throw new NotFoundError("Template");
  return row;
}

/** The district's templates and the actor's own personal ones: what a new group may start from. */
export async function listTemplates(ctx: UseCaseContext): Promise<{ items: TemplateDto[] }> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const rows = await usableTemplates(tx, ctx.actor.tenantId, ctx.actor.userId);
    return { items: rows.map(toTemplateDto) };
  });
}

export async function getTemplate(ctx: UseCaseContext, id: string): Promise<TemplateDto> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) =>
    toTemplateDto(await loadVisibleTemplate(tx, ctx, id)),
  );
}

/**
 * The name of the template a group was started from, for the group page; null when the viewer
 * may not see it (someone else's personal template, or a role that does not use templates).
 */
export async function templateNameFor(
  ctx: UseCaseContext,
  templateId: string | null,
): Promise<string | null> {
  if (!templateId || !mayUseTemplates(ctx.actor)) return null;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const row = await findTemplate(tx, ctx.actor.tenantId, templateId);
    return row && seesTemplate(ctx.actor, row) ? row.name : null;
  });
}

/** The input's fields as columns; absent fields stay as they are. */
function templateColumns(
  input: Partial<CreateTemplateInput>,
): Partial<typeof interventionTemplates.$inferInsert> {
  const nullable = <T>(value: T | null | undefined) =>
    value === undefined ? undefined : (value ?? null);
  const text = (value: string | null | undefined) =>
    value === undefined ? undefined : value || null;
  return {
    name: input.name,
    tier: input.tier,
    focusArea: input.focusArea,
    description: text(input.description),
    durationWeeks: input.durationWeeks,
    daysPerWeek: input.daysPerWeek,
    sessionMinutes: input.sessionMinutes,
    ...(input.groupSize === undefined
      ? {}
      : { groupSizeMin: input.groupSize?.min ?? null, groupSizeMax: input.groupSize?.max ?? null }),
    activities: text(input.activities),
    resources: input.resources,
    ...(input.measure === undefined
      ? {}
      : {
          measureName: input.measure?.name ?? null,
          measureUnit: input.measure?.unit || null,
          measureDirection: input.measure?.direction ?? "higher",
        }),
    goalValue: nullable(input.goalValue),
    goal: text(input.goal),
    entranceCriteria: text(input.entranceCriteria),
    exitCriteria: text(input.exitCriteria),
  };
}

/** Writes a new template with its audit row, in the caller's transaction. */
export async function insertTemplateAudited(
  tx: Tx,
  ctx: UseCaseContext,
  input: CreateTemplateInput,
  source: { interventionId?: string } = {},
): Promise<TemplateDto> {
  const created = await insertTemplate(tx, {
    ...templateColumns(input),
    name: input.name,
    tier: input.tier,
    focusArea: input.focusArea,
    durationWeeks: input.durationWeeks,
    daysPerWeek: input.daysPerWeek,
    sessionMinutes: input.sessionMinutes,
    tenantId: ctx.actor.tenantId,
    ownerUserId: newTemplateOwner(ctx.actor),
    createdBy: ctx.actor.userId,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  await appendAudit(tx, ctx.actor, ctx.requestId, [
    {
      action: "template.created",
      entityType: "template",
      entityId: created.id,
      after: { ...created, fromInterventionId: source.interventionId ?? null },
    },
  ]);
  return toTemplateDto(created);
}

/** An admin's template is the district's; a specialist's is personal (lib/domain/policy/templates.ts). */
export async function createTemplate(
  ctx: UseCaseContext,
  input: CreateTemplateInput,
): Promise<TemplateDto> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, (tx) => insertTemplateAudited(tx, ctx, input));
}

/**
 * PUT /templates/{id}: the owner or an admin; a stale `version` is refused (409) as for
 * interventions (lib/use-cases/interventions/update-intervention.ts).
 */
export async function updateTemplate(
  ctx: UseCaseContext,
  id: string,
  input: UpdateTemplateInput,
  expectedVersion: number,
): Promise<TemplateDto> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const current = await loadVisibleTemplate(tx, ctx, id, { lock: true });
    if (!mayEditTemplate(ctx.actor, current)) {
      throw new ForbiddenError("Only district admins change the district's templates.");
    }
    if (input.shareWithDistrict && !maySharePersonalTemplates(ctx.actor)) {
      throw new ForbiddenError("Only district admins share a template with the district.");
    }
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This template was changed since you read it (it is at version ${current.version}; you sent ${expectedVersion}). Reload it and make your change again.`,
      );
    }
    const changes = {
      ...templateColumns(input),
      ...(input.shareWithDistrict ? { ownerUserId: null } : {}),
    };
    const diff = changedFields(current, changes);
    if (!diff) return toTemplateDto(current);
    const updated = await updateTemplateRow(
      tx,
      ctx.actor.tenantId,
      id,
      expectedVersion,
      changes,
      ctx.now(),
    );
    if (!updated)
      throw new ConflictError("This template was changed at the same moment; reload it.");
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: input.shareWithDistrict ? "template.shared" : "template.updated",
        entityType: "template",
        entityId: id,
        before: diff.before,
        after: { ...diff.after, version: updated.version },
      },
    ]);
    return toTemplateDto(updated);
  });
}
