import { z } from "zod";
import { FAMILY_REQUEST_KINDS, FAMILY_REQUEST_STATUSES } from "@/lib/domain/families/kinds";
import { COMMUNICATION_STATUSES } from "@/lib/domain/letters/delivery";
import type { DisclosureEntry } from "@/lib/use-cases/families/list-disclosures";
import type { CommunicationLogEntry } from "@/lib/use-cases/families/list-student-communications";
import type { recordFamilyRequest } from "@/lib/use-cases/families/record-family-request";
import { describes, named } from "../registry";
import { instant, uuid } from "./common";

export const disclosureSchema = named(
  "Disclosure",
  "One line of a student's disclosure log (FERPA, 34 CFR 99.32): records that left the school — a compliance export, a referral packet — or that another service read through the API (one line per token and district day). Staff reads in the app are not disclosures and are not listed.",
  describes<DisclosureEntry>()(
    z.object({
      id: z
        .string()
        .describe("The disclosure's id; for API reads `api-token:<token id>:<YYYY-MM-DD>`."),
      source: z
        .enum(["recorded", "api"])
        .describe(
          "`recorded`: an export or a referral packet; `api`: a service read the records through the API.",
        ),
      disclosedAt: instant.describe("When it left; for API reads, the day's first read."),
      disclosedTo: z
        .string()
        .describe("Who received it; for API reads, the token's name (the service)."),
      purpose: z.string().nullable().describe("Why, as stated; null for API reads."),
      kind: z
        .string()
        .nullable()
        .describe("What left: `compliance-export`, `referral-packet`…; null for API reads."),
      views: z
        .array(z.string())
        .describe("API reads: what was read (`profile`, `progress`…); empty otherwise."),
      requests: z.number().int().describe("API reads: requests that day; 1 otherwise."),
      disclosedByName: z
        .string()
        .nullable()
        .describe("The school official who released it; null for API reads."),
    }),
  ),
);

export const disclosureListSchema = named(
  "DisclosureList",
  "A student's disclosure log, newest first.",
  z.object({ items: z.array(disclosureSchema) }),
);

export const communicationLogEntrySchema = named(
  "CommunicationLogEntry",
  "One message to a student's family, as the communications log keeps it (the letter's text is read in the portal).",
  describes<CommunicationLogEntry>()(
    z.object({
      id: uuid,
      kind: z.string().describe("`enrollment`, `tier-change`, `exit-celebration`…"),
      channel: z.string().describe("`email`, or how else it went."),
      language: z.string().describe("ISO 639-1: the language it was written in."),
      templateVersion: z
        .number()
        .int()
        .nullable()
        .describe("The district template's version; 0 for the built-in wording."),
      toAddress: z.string().nullable(),
      subject: z.string(),
      reason: z
        .string()
        .nullable()
        .describe('Why it was sent, e.g. "Tier decision: Tier 2 → Tier 3".'),
      required: z.boolean().describe("A required notice is never suppressed by an unsubscribe."),
      status: z.enum(COMMUNICATION_STATUSES),
      createdAt: instant,
      sentAt: instant.nullable(),
    }),
  ),
);

export const communicationLogSchema = named(
  "CommunicationLog",
  "The messages to a student's family, newest first: a guardian's own, or every guardian's for the team.",
  z.object({ items: z.array(communicationLogEntrySchema) }),
);

export const familyRequestSchema = named(
  "FamilyRequest",
  "A family's question for the child's team, or request to amend a record (34 CFR 99.20), and the team's answer.",
  describes<Awaited<ReturnType<typeof recordFamilyRequest>>>()(
    z.object({
      id: uuid,
      studentId: uuid,
      kind: z.enum(FAMILY_REQUEST_KINDS),
      body: z.string(),
      status: z.enum(FAMILY_REQUEST_STATUSES),
      askedByName: z.string().nullable().describe("The guardian who asked."),
      answer: z.string().nullable(),
      answeredAt: instant.nullable(),
      answeredByName: z.string().nullable(),
      createdAt: instant,
    }),
  ),
);

export const familyRequestListSchema = named(
  "FamilyRequestList",
  "A student's family requests, newest first: a guardian's own, or every guardian's for the team.",
  z.object({ items: z.array(familyRequestSchema) }),
);
