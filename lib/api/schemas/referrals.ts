import { z } from "zod";
import type { EvaluationRequestRow } from "@/db/queries/evaluation-requests";
import { EVALUATION_REQUEST_STATUSES, REQUESTER_KINDS } from "@/lib/domain/decisions/kinds";
import { describes, named } from "../registry";
import { instant, localDate, uuid } from "./common";

export const evaluationRequestSchema = named(
  "EvaluationRequest",
  "A request for a special-education evaluation (34 CFR 300.301(b)) and the school's answer.",
  describes<EvaluationRequestRow>()(
    z.object({
      id: uuid,
      studentId: uuid,
      requestedOn: localDate,
      requesterKind: z.enum(REQUESTER_KINDS),
      requesterName: z.string(),
      note: z.string().nullable(),
      status: z.enum(EVALUATION_REQUEST_STATUSES),
      response: z.string().nullable(),
      respondedAt: instant.nullable(),
      respondedByName: z.string().nullable(),
      createdAt: instant,
    }),
  ),
);

export const evaluationRequestListSchema = named(
  "EvaluationRequestList",
  "A student's requests for an evaluation, newest first.",
  z.object({ items: z.array(evaluationRequestSchema) }),
);
