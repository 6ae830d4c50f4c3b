import { appendAudit } from "@/db/queries/audit";
import {
  facilitatorIdsOf,
  lockIntervention,
  replaceFacilitators,
  type StoredIntervention,
  updateInterventionRow,
} from "@/db/queries/intervention-changes";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { existingStaffIds } from "@/db/queries/people";
import { roomExists } from "@/db/queries/rooms";
import { withTenant } from "@/db/with-tenant";
import { changedFields } from "@/lib/domain/audit/changes";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from "@/lib/domain/errors";
import type { UpdateInterventionInput } from "@/lib/domain/interventions/update-schema";
import { canManageIntervention } from "@/lib/domain/policy";
import { queueCalendarInvites } from "../calendar/queue-calendar-invites";
import type { UseCaseContext } from "../context";
import { overrideAudit } from "../scheduling/override-audit";
import { retryIfDoubleBooked } from "../scheduling/retry-double-booking";
import { getIntervention } from "./get-intervention";
import { type InterventionDto, toInterventionDto } from "./intervention-dto";
import { prepareScheduleChange } from "./schedule-change";

/** Changes the facilitators' calendars show: an update (or a cancellation) is sent for these. */
const CALENDAR_FIELDS = [
  "name",
  "status",
  "roomId",
  "facilitatorIds",
  "startDate",
  "endDate",
  "scheduleDays",
  "startTime",
  "sessionMinutes",
];

/** The input's fields as columns; absent fields stay as they are. */
function columnChanges(input: UpdateInterventionInput): Partial<StoredIntervention> {
  const measure =
    input.measure === undefined
      ? {}
      : {
          measureName: input.measure?.name ?? null,
          measureUnit: input.measure?.unit ?? null,
          measureDirection: input.measure?.direction ?? "higher",
        };
  return {
    name: input.name,
    focusArea: input.focusArea,
    description: input.description === undefined ? undefined : input.description || null,
    goal: input.goal === undefined ? undefined : input.goal || null,
    status: input.status,
    roomId: input.roomId,
    goalValue: input.goalValue,
    proficiencyTarget: input.proficiencyTarget,
    ...measure,
  };
}

/**
 * PUT /interventions/{id}: optimistic concurrency on `version` — an edit based on a version
 * someone else has since changed is refused (409) rather than silently overwriting theirs. The
 * audit row keeps exactly the fields that changed, before and after, with the reason.
 */
export function updateIntervention(
  ctx: UseCaseContext,
  id: string,
  input: UpdateInterventionInput,
  expectedVersion: number,
): Promise<InterventionDto> {
  // A concurrent save that took a room or person first: the second run reports it as a conflict.
  return retryIfDoubleBooked(() => updateOnce(ctx, id, input, expectedVersion));
}

async function updateOnce(
  ctx: UseCaseContext,
  id: string,
  input: UpdateInterventionInput,
  expectedVersion: number,
): Promise<InterventionDto> {
  // Existence first, so an outsider gets 404 rather than learning the id is real from a 403.
  await getIntervention(ctx, id);
  if (!canManageIntervention(ctx.actor)) {
    throw new ForbiddenError(
      "Only intervention specialists and district admins edit interventions.",
    );
  }
  const { tenantId } = ctx.actor;

  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const current = await lockIntervention(tx, tenantId, id);
    if (!current) throw new NotFoundError("Intervention");
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `This intervention was changed since you read it (it is at version ${current.version}; you sent ${expectedVersion}). Reload it and make your change again.`,
      );
    }
    if (input.status === "cancelled" && current.status !== "cancelled" && !input.reason) {
      throw new UnprocessableError("Say why the intervention is cancelled.", [
        { path: "reason", message: "A reason is required to cancel an intervention." },
      ]);
    }
    if (input.facilitatorIds) {
      const found = await existingStaffIds(tx, tenantId, input.facilitatorIds);
      const missing = input.facilitatorIds.findIndex((staffId) => !found.has(staffId));
      if (missing >= 0) {
        throw new NotFoundError("Facilitator", "The facilitator was not found in your district.", [
          { path: `facilitatorIds.${missing}`, message: "No such staff member in your district." },
        ]);
      }
    }
    if (input.roomId && !(await roomExists(tx, tenantId, input.roomId))) {
      throw new NotFoundError("Room", "The room was not found in your district.", [
        { path: "roomId", message: "No such room in your district." },
      ]);
    }

    const currentFacilitators = await facilitatorIdsOf(tx, tenantId, id);
    const scheduleChange = await prepareScheduleChange(tx, tenantId, current, input, ctx.now());
    const changes = { ...columnChanges(input), ...scheduleChange?.columns };
    const byResource = (needs: { resourceId: string; quantity: number }[]) =>
      [...needs].sort((a, b) => a.resourceId.localeCompare(b.resourceId));
    const diff = changedFields(
      {
        ...current,
        facilitatorIds: currentFacilitators,
        resources: byResource(scheduleChange?.resourcesBefore ?? []),
      },
      {
        ...changes,
        facilitatorIds: input.facilitatorIds ? [...input.facilitatorIds].sort() : undefined,
        resources: scheduleChange && input.resources ? byResource(input.resources) : undefined,
      },
    );
    if (diff) {
      const updated = await updateInterventionRow(
        tx,
        tenantId,
        id,
        expectedVersion,
        changes,
        ctx.now(),
      );
      if (!updated)
        throw new ConflictError("This intervention was changed at the same moment; reload it.");
      await scheduleChange?.clearUpcoming();
      if (input.facilitatorIds && "facilitatorIds" in diff.after) {
        await replaceFacilitators(tx, tenantId, id, input.facilitatorIds);
      }
      const replanned = await scheduleChange?.planUpcoming();
      if (CALENDAR_FIELDS.some((field) => field in diff.after)) {
        const cancelling = input.status === "cancelled" && current.status !== "cancelled";
        await queueCalendarInvites(tx, ctx, id, cancelling ? "cancelled" : "updated", {
          removedFacilitatorIds: input.facilitatorIds
            ? currentFacilitators.filter((f) => !input.facilitatorIds?.includes(f))
            : [],
        });
      }
      await appendAudit(tx, ctx.actor, ctx.requestId, [
        {
          action: "intervention.updated",
          entityType: "intervention",
          entityId: id,
          before: diff.before,
          after: { ...diff.after, version: updated.version, ...replanned },
          reason: input.reason ?? null,
        },
        ...overrideAudit(id, scheduleChange?.overridden ?? null),
      ]);
    }
    const row = await getVisibleIntervention(tx, ctx.actor, id, ctx.now());
    if (!row) throw new NotFoundError("Intervention");
    return toInterventionDto(row);
  });
}
