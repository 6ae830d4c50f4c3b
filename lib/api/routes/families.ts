import {
  answerFamilyRequestSchema,
  recordFamilyRequestSchema,
} from "@/lib/domain/families/requests";
import type { RouteSpec } from "../registry";
import {
  communicationLogSchema,
  disclosureListSchema,
  familyRequestListSchema,
  familyRequestSchema,
} from "../schemas/families";

/** Who reads the family's part of a student's record (lib/domain/policy/families.ts). */
const FAMILY_RECORD =
  "The student's guardians (not one an admin restricted) and the student's team: specialists and admins of the district, the facilitators of the student's groups. Anyone else, another family and another district get 404.";

/** Families (issue 13, point 3): the disclosure log, the messages to the family, their requests. */
export const familiesRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/students/{id}/disclosures",
    operationId: "listDisclosures",
    tag: "Families",
    summary: "A student's disclosure log",
    description:
      "Who outside the school saw or received the student's records, newest first, as FERPA (34 CFR 99.32) asks a school to record and show the parents: compliance exports and referral packets (with recipient, purpose and who released them), and reads by other services through this API (the token's name, what was read, how many requests, one line per token and district day). Staff reads in the app are the school's own use and are not listed. A staff member's or token's look at the log is itself logged as a read.",
    access: FAMILY_RECORD,
    pathParams: { id: "The student." },
    responses: { 200: { description: "The log.", schema: disclosureListSchema } },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/students/{id}/communications",
    operationId: "listStudentCommunications",
    tag: "Families",
    summary: "The messages to a student's family",
    description:
      "Every letter and notice about the student, newest first, with channel, language, template version and delivery status. A guardian reads the messages sent to them; the team every guardian's.",
    access: FAMILY_RECORD,
    pathParams: { id: "The student." },
    responses: { 200: { description: "The messages.", schema: communicationLogSchema } },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/students/{id}/family-requests",
    operationId: "listFamilyRequests",
    tag: "Families",
    summary: "A student's family requests",
    description:
      "The family's questions and requests to amend a record, newest first, with the team's answers. A guardian reads the ones they asked; the team every guardian's.",
    access: FAMILY_RECORD,
    pathParams: { id: "The student." },
    responses: { 200: { description: "The requests.", schema: familyRequestListSchema } },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/students/{id}/family-requests",
    operationId: "recordFamilyRequest",
    tag: "Families",
    summary: "Ask the team a question, or to amend a record",
    description:
      "A guardian's `question` for the student's team, or `amendment`: a request to correct a record they believe is inaccurate or misleading (34 CFR 99.20). It waits on the dashboard of the student's facilitators and of the district's specialists and admins until answered. A request for a special-education evaluation has its own route (`POST /students/{id}/evaluation-requests`). Audited `family_request.recorded`.",
    access:
      "A guardian of the student (not one an admin restricted). The student's team answers rather than asks: 403. Anyone else, another family and another district: 404.",
    pathParams: { id: "The student." },
    body: recordFamilyRequestSchema,
    responses: { 201: { description: "The recorded request.", schema: familyRequestSchema } },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/family-requests/{id}/answer",
    operationId: "answerFamilyRequest",
    tag: "Families",
    summary: "Answer a family's request",
    description:
      "The team's answer, which the family reads in the portal; a request is answered once (409 after). Audited `family_request.answered`.",
    access:
      "The student's team: specialists and admins of the district, the facilitators of the student's groups. Families: 403. Staff who may not read the student's family record, and another district: 404.",
    pathParams: { id: "The family request." },
    body: answerFamilyRequestSchema,
    responses: { 200: { description: "The answered request.", schema: familyRequestSchema } },
    errors: [400, 401, 403, 404, 409],
  },
];
