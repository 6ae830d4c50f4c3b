/** Maple Grove's district library of intervention templates (Scenario 10, issue 12). */

import type { Database } from "@/db/client";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { instantAt, type LocalDate } from "@/lib/domain/calendar/dates";
import { type CreateTemplateInput, createTemplateSchema } from "@/lib/domain/templates/schemas";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { createTemplate } from "@/lib/use-cases/templates/templates";
import { DEMO_ACCOUNTS } from "./accounts";
import type { DistrictPlan } from "./plan";

/** The template Scenario 10 starts a group from; the e2e spec (e2e/templates.spec.ts) picks it. */
export const MATH_FACTS_TEMPLATE = "Tier 2 Math Facts Fluency";

/** Fixed text, no random draws: the seed's other data (drawn from scripts/seed/random.ts) is unchanged. */
export const TEMPLATE_LIBRARY: ReadonlyArray<CreateTemplateInput> = [
  {
    name: MATH_FACTS_TEMPLATE,
    tier: 2,
    focusArea: "Math Facts Fluency",
    description: "Builds automatic recall of addition, subtraction and multiplication facts.",
    durationWeeks: 8,
    daysPerWeek: 3,
    sessionMinutes: 30,
    groupSize: { min: 3, max: 6 },
    activities:
      "Explicit strategy instruction (doubles, make ten, fact families); timed practice with immediate corrective feedback; self-graphing of daily scores.",
    resources: ["Fact flash cards", "One-minute timing sheets", "Progress graph per student"],
    measure: { name: "Math facts correct per minute", unit: "facts/min", direction: "higher" },
    goalValue: 40,
    goal: "40 facts correct per minute, or the 25th percentile of the winter benchmark",
    entranceCriteria: "Below the 25th percentile on the fall math screener; fact fluency the gap.",
    exitCriteria: "40 facts correct per minute on 3 consecutive weekly probes.",
  },
  {
    name: "Tier 3 Intensive Math Number Sense",
    tier: 3,
    focusArea: "Math Problem Solving",
    description: "Intensive work on place value, number lines and magnitude comparison.",
    durationWeeks: 10,
    daysPerWeek: 5,
    sessionMinutes: 30,
    groupSize: { min: 1, max: 3 },
    activities:
      "Concrete–representational–abstract sequence with base-ten blocks; number-line estimation; daily error analysis.",
    resources: ["Base-ten blocks", "Number lines 0–100 and 0–1000"],
    measure: { name: "Math computation correct digits", unit: "digits", direction: "higher" },
    goalValue: 25,
    goal: "25 correct digits on the grade-level computation probe",
    entranceCriteria:
      "No response to a Tier 2 math group after 8 weeks, or below the 10th percentile.",
    exitCriteria: "Above the 25th percentile on two consecutive benchmark probes.",
  },
  {
    name: "Tier 2 Reading Fluency",
    tier: 2,
    focusArea: "Reading Fluency",
    description: "Repeated reading of instructional-level passages to build rate and accuracy.",
    durationWeeks: 8,
    daysPerWeek: 3,
    sessionMinutes: 30,
    groupSize: { min: 3, max: 5 },
    activities:
      "Model reading, repeated reading with a partner, phrase-cued text, one-minute timed readings.",
    resources: ["Leveled passages", "Timer"],
    measure: { name: "Words correct per minute", unit: "wcpm", direction: "higher" },
    goalValue: 90,
    goal: "90 words correct per minute on grade-level passages",
    entranceCriteria: "Oral reading fluency below the 25th percentile, accuracy above 90 %.",
    exitCriteria: "At or above the grade-level benchmark on 3 consecutive probes.",
  },
  {
    name: "Tier 2 Phonics Blends",
    tier: 2,
    focusArea: "Phonics",
    description: "Decoding consonant blends and digraphs in isolation and in connected text.",
    durationWeeks: 6,
    daysPerWeek: 4,
    sessionMinutes: 25,
    groupSize: { min: 3, max: 6 },
    activities: "Word building with letter tiles, blending drills, decodable text reading.",
    resources: ["Letter tiles", "Decodable readers"],
    measure: { name: "Nonsense word fluency", unit: "sounds", direction: "higher" },
    goalValue: 50,
    goal: "50 correct letter sounds per minute",
    entranceCriteria: "Below benchmark on nonsense word fluency in the fall screener.",
    exitCriteria: "At benchmark on nonsense word fluency on 3 consecutive probes.",
  },
  {
    name: "Tier 3 Intensive Decoding",
    tier: 3,
    focusArea: "Phonics",
    description: "Systematic, explicit phonics for students who did not respond to Tier 2.",
    durationWeeks: 12,
    daysPerWeek: 5,
    sessionMinutes: 45,
    groupSize: { min: 1, max: 3 },
    activities:
      "Structured literacy lesson: phonemic drill, sound–symbol review, word reading, dictation, decodable text.",
    resources: ["Structured literacy kit", "Sound cards", "Whiteboards"],
    measure: { name: "Words correct per minute", unit: "wcpm", direction: "higher" },
    goalValue: 60,
    goal: "60 words correct per minute with 95 % accuracy",
    entranceCriteria: "Two Tier 2 reading interventions without adequate response.",
    exitCriteria: "Rate of improvement above the aim line for 6 weeks and accuracy of 95 %.",
  },
  {
    name: "Tier 2 Reading Comprehension Strategies",
    tier: 2,
    focusArea: "Reading Comprehension",
    description:
      "Teaches predicting, questioning, clarifying and summarizing (reciprocal teaching).",
    durationWeeks: 8,
    daysPerWeek: 2,
    sessionMinutes: 40,
    groupSize: { min: 4, max: 6 },
    activities: "Reciprocal teaching roles, graphic organizers, think-alouds on short texts.",
    resources: ["Short informational texts", "Strategy cards"],
    measure: { name: "Maze comprehension", unit: "correct", direction: "higher" },
    goalValue: 20,
    goal: "20 correct maze selections in 3 minutes",
    entranceCriteria:
      "Fluent decoding (above the 40th percentile) but comprehension below the 25th.",
    exitCriteria: "At benchmark on the maze probe twice in a row.",
  },
];

/**
 * Written through the use-case by the district admin, as an admin would make them (so each has
 * its audit row); called after the groups and their history, and draws no random numbers.
 */
export async function writeTemplateLibrary(
  db: Database,
  plan: DistrictPlan,
  today: LocalDate,
): Promise<void> {
  const adminId = plan.users.find((user) => user.email === DEMO_ACCOUNTS.admin)?.id;
  if (!adminId) throw new Error(`The district admin of ${plan.slug} was not planned`);
  const actor = await withTenant(db, { tenantId: plan.tenantId, userId: adminId }, (tx) =>
    actorById(tx, plan.tenantId, adminId),
  );
  if (!actor) throw new Error(`The district admin of ${plan.slug} was not seeded`);
  const ctx: UseCaseContext = {
    db,
    actor,
    now: () => instantAt(today, "08:00", plan.timeZone),
    requestId: "demo-seed",
  };
  for (const template of TEMPLATE_LIBRARY) {
    await createTemplate(ctx, createTemplateSchema.parse(template));
  }
}
