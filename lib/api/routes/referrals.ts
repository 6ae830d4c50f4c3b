import {
  recordEvaluationRequestSchema,
  referralPacketQuerySchema,
} from "@/lib/domain/decisions/evaluation-requests";
import type { RouteSpec } from "../registry";
import { evaluationRequestListSchema, evaluationRequestSchema } from "../schemas/referrals";
import { MANAGERS } from "./audiences";

/** Special-education referrals (issue 11.3): the packet and the requests for an evaluation. */
export const referralsRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/students/{id}/referral-packet",
    operationId: "getReferralPacket",
    tag: "Referrals",
    summary: "A student's special-education referral packet (PDF)",
    description:
      "What 34 CFR 300.309–300.311 asks to be documented, as one PDF: a cover page with the student and the parent's right to request an evaluation, one page per intervention (dates, planned and delivered sessions and minutes, frequency, attendance, fidelity, the progress graph with aim and trend lines and the rate of improvement per week), the tier decisions with their justifications, and the letters sent to the family. Generating it is a disclosure: a row in the disclosure log (purpose `special education referral`, to `disclosedTo`, default the evaluation team) and an audit row `disclosure.recorded`.",
    access: `${MANAGERS} Others tied to the student get 403; anyone else 404.`,
    pathParams: { id: "The student." },
    query: referralPacketQuerySchema,
    responses: {
      200: {
        description: "The packet, `application/pdf`.",
        contentType: "application/pdf",
        headers: {
          "Content-Disposition":
            'attachment; filename="referral-packet-<student number>-<date>.pdf"',
        },
      },
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/students/{id}/evaluation-requests",
    operationId: "listEvaluationRequests",
    tag: "Referrals",
    summary: "A student's requests for an evaluation",
    access:
      "Whoever may see the student: specialists and admins, their teachers and facilitators, their family.",
    pathParams: { id: "The student." },
    responses: { 200: { description: "The requests.", schema: evaluationRequestListSchema } },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/students/{id}/evaluation-requests",
    operationId: "recordEvaluationRequest",
    tag: "Referrals",
    summary: "Record a request for an evaluation",
    description:
      "A parent may ask for a special-education evaluation at any time (34 CFR 300.301(b)); nothing in the intervention process blocks the record. A parent records one for their own child (`requesterKind` is `guardian`, the name theirs); staff write down a request for any student of the district — a parent's (`requesterName` required) or their own (`requesterKind: staff`). `requestedOn` defaults to today in the district. Audited as `evaluation_request.recorded`.",
    access: "Staff of the district, for any of its students; a parent, for their own child.",
    pathParams: { id: "The student." },
    body: recordEvaluationRequestSchema,
    responses: { 201: { description: "The recorded request.", schema: evaluationRequestSchema } },
    errors: [400, 401, 404],
  },
];
