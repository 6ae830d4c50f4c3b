"use server";

import {
  editProgressNoteSchema,
  monitoringPlanSchema,
  progressNoteSchema,
} from "@/lib/domain/sessions/schemas";
import { actionArgument, serverAction } from "@/lib/server/action";
import { addProgressNote } from "@/lib/use-cases/progress/add-progress-note";
import { editProgressNote } from "@/lib/use-cases/progress/edit-progress-note";
import { setMonitoringPlan } from "@/lib/use-cases/progress/set-monitoring-plan";

const saved = (note: { id: string; studentId: string; studentName: string }) => ({
  id: note.id,
  studentId: note.studentId,
  studentName: note.studentName,
});

/** The editor sends a key made when it opened, so a double click writes one note. */
export const addProgressNoteAction = serverAction(
  progressNoteSchema,
  async (ctx, input, interventionId, idempotencyKey) =>
    saved((await addProgressNote(ctx, interventionId, input, idempotencyKey.slice(0, 200))).body),
  actionArgument.id,
  actionArgument.idempotencyKey,
);

export const editProgressNoteAction = serverAction(
  editProgressNoteSchema,
  async (ctx, input, interventionId, noteId) =>
    saved(await editProgressNote(ctx, interventionId, noteId, input)),
  actionArgument.id,
  actionArgument.id,
);

export const setMonitoringPlanAction = serverAction(
  monitoringPlanSchema,
  (ctx, input, interventionId) => setMonitoringPlan(ctx, interventionId, input),
  actionArgument.id,
);
