import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { actorById } from "@/db/queries/users";
import { auditLog, interventions, users } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { addDays } from "@/lib/domain/calendar/dates";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createInterventionSchema } from "@/lib/domain/interventions/schemas";
import type { Actor } from "@/lib/domain/policy";
import { type CreateTemplateInput, createTemplateSchema } from "@/lib/domain/templates/schemas";
import { DEMO_ACCOUNTS, DEMO_GROUPS, loadDemoActor } from "@/scripts/seed/accounts";
import { MATH_FACTS_TEMPLATE, TEMPLATE_LIBRARY } from "@/scripts/seed/template-library";
import { contextOf } from "@/test/support/context";
import { newFacilitator } from "@/test/support/facilitators";
import { createIntervention } from "../interventions/create-intervention";
import { listInterventions } from "../interventions/list-interventions";
import { saveInterventionAsTemplate } from "../interventions/save-as-template";
import { listSpecialistTemplates } from "./list-specialist-templates";
import { createTemplate, getTemplate, listTemplates, updateTemplate } from "./templates";

let app: DatabaseHandle;
let johnson: Actor;
let otherSpecialist: Actor;
let admin: Actor;
let facilitator: Actor;
let cedarSpecialist: Actor;
let cedarAdmin: Actor;

const ctx = (actor: Actor) => contextOf(app.db, actor);

/** A template input with a name of the test's own, so tests never see each other's rows. */
function templateInput(overrides: Partial<CreateTemplateInput> = {}): CreateTemplateInput {
  return createTemplateSchema.parse({
    name: `Test template ${randomUUID().slice(0, 8)}`,
    tier: 2,
    focusArea: "Math Facts Fluency",
    durationWeeks: 6,
    daysPerWeek: 3,
    sessionMinutes: 25,
    measure: { name: "Facts correct per minute", unit: "facts/min" },
    goalValue: 35,
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a refusal, but it succeeded");
}

/** The names of the templates an actor may start a group from. */
async function namesFor(actor: Actor): Promise<string[]> {
  return (await listTemplates(ctx(actor))).items.map((t) => t.name);
}

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  johnson = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  facilitator = await loadDemoActor(app.db, DEMO_ACCOUNTS.facilitator);
  cedarSpecialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarSpecialist);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
  // Maple Grove has one demo specialist: a second one, of this test's own, to hide things from.
  const email = `specialist-${randomUUID().slice(0, 8)}@maplegrove.example`;
  otherSpecialist = await withTenant(app.db, { tenantId: johnson.tenantId }, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ tenantId: johnson.tenantId, email, name: "Second Specialist", role: "specialist" })
      .returning({ id: users.id });
    if (!row) throw new Error("The second specialist was not written");
    const actor = await actorById(tx, johnson.tenantId, row.id);
    if (!actor) throw new Error("The second specialist cannot be read");
    return actor;
  });
});

afterAll(async () => {
  await app?.close();
});

describe("the seeded district library", () => {
  it("offers Maple Grove's specialists six district templates, Scenario 10's among them", async () => {
    const library = (await listTemplates(ctx(johnson))).items.filter((t) => t.scope === "district");
    const seeded = library.filter((t) => TEMPLATE_LIBRARY.some((s) => s.name === t.name));
    expect(seeded).toHaveLength(6);
    expect(new Set(seeded.map((t) => t.tier))).toEqual(new Set([2, 3]));
    const mathFacts = seeded.find((t) => t.name === MATH_FACTS_TEMPLATE);
    expect(mathFacts).toMatchObject({
      tier: 2,
      focusArea: "Math Facts Fluency",
      durationWeeks: 8,
      daysPerWeek: 3,
      sessionMinutes: 30,
      groupSize: { min: 3, max: 6 },
      ownerUserId: null,
    });
  });

  it("is Maple Grove's alone: Cedar Ridge sees none of it", async () => {
    expect(await namesFor(cedarSpecialist)).not.toContain(MATH_FACTS_TEMPLATE);
  });
});

describe("who sees a template", () => {
  it("keeps a specialist's personal template from another specialist and from Cedar Ridge", async () => {
    const personal = await createTemplate(ctx(johnson), templateInput());
    expect(personal).toMatchObject({ scope: "personal", ownerUserId: johnson.userId, version: 1 });

    expect(await namesFor(johnson)).toContain(personal.name);
    expect(await namesFor(otherSpecialist)).not.toContain(personal.name);
    expect(await rejection(getTemplate(ctx(otherSpecialist), personal.id))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await rejection(updateTemplate(ctx(otherSpecialist), personal.id, { sessionMinutes: 20 }, 1)),
    ).toBeInstanceOf(NotFoundError);
    for (const outsider of [cedarSpecialist, cedarAdmin]) {
      expect(await namesFor(outsider)).not.toContain(personal.name);
      expect(await rejection(getTemplate(ctx(outsider), personal.id))).toBeInstanceOf(
        NotFoundError,
      );
    }
  });

  it("shares an admin's template with every specialist of the district, and no other district", async () => {
    const district = await createTemplate(ctx(admin), templateInput());
    expect(district).toMatchObject({ scope: "district", ownerUserId: null });
    expect(await namesFor(johnson)).toContain(district.name);
    expect(await namesFor(otherSpecialist)).toContain(district.name);
    expect((await getTemplate(ctx(otherSpecialist), district.id)).id).toBe(district.id);
    for (const outsider of [cedarSpecialist, cedarAdmin]) {
      expect(await namesFor(outsider)).not.toContain(district.name);
      expect(await rejection(getTemplate(ctx(outsider), district.id))).toBeInstanceOf(
        NotFoundError,
      );
      expect(
        await rejection(updateTemplate(ctx(outsider), district.id, { sessionMinutes: 20 }, 1)),
      ).toBeInstanceOf(NotFoundError);
    }
  });

  it("lists the specialists' templates for an admin to share, and shares one with the district", async () => {
    const personal = await createTemplate(ctx(johnson), templateInput());
    const mine = await createTemplate(ctx(otherSpecialist), templateInput());
    const toShare = (await listSpecialistTemplates(ctx(admin))).items;
    expect(toShare.find((t) => t.id === personal.id)).toMatchObject({
      name: personal.name,
      ownerName: johnson.name,
      scope: "personal",
    });
    expect(toShare.find((t) => t.id === mine.id)?.ownerName).toBe("Second Specialist");
    expect(toShare.every((t) => t.scope === "personal")).toBe(true);
    // Only admins list them; Cedar Ridge's admin lists none of Maple Grove's.
    expect(await rejection(listSpecialistTemplates(ctx(johnson)))).toBeInstanceOf(ForbiddenError);
    const cedarList = (await listSpecialistTemplates(ctx(cedarAdmin))).items.map((t) => t.id);
    expect(cedarList).not.toContain(personal.id);
    expect(cedarList).not.toContain(mine.id);
    // A specialist may not share even their own.
    expect(
      await rejection(updateTemplate(ctx(johnson), personal.id, { shareWithDistrict: true }, 1)),
    ).toBeInstanceOf(ForbiddenError);

    const shared = await updateTemplate(ctx(admin), personal.id, { shareWithDistrict: true }, 1);
    expect(shared).toMatchObject({ scope: "district", ownerUserId: null, version: 2 });
    expect(await namesFor(otherSpecialist)).toContain(personal.name);
    const left = (await listSpecialistTemplates(ctx(admin))).items.map((t) => t.id);
    expect(left).not.toContain(personal.id);
    expect(left).toContain(mine.id);
  });

  it("is not for facilitators, teachers or families", async () => {
    expect(await rejection(listTemplates(ctx(facilitator)))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(createTemplate(ctx(facilitator), templateInput()))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("changing a template", () => {
  it("takes the owner's change at the version read, audits it, and refuses a stale one", async () => {
    const personal = await createTemplate(ctx(johnson), templateInput());
    const changed = await updateTemplate(
      ctx(johnson),
      personal.id,
      { sessionMinutes: 20, resources: ["Timer"] },
      1,
    );
    expect(changed).toMatchObject({ sessionMinutes: 20, resources: ["Timer"], version: 2 });
    expect(
      await rejection(updateTemplate(ctx(johnson), personal.id, { sessionMinutes: 15 }, 1)),
    ).toBeInstanceOf(ConflictError);

    const trail = await withTenant(app.db, johnson, (tx) =>
      tx
        .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "template"), eq(auditLog.entityId, personal.id))),
    );
    expect(trail.map((row) => row.action).sort()).toEqual(["template.created", "template.updated"]);
    expect(trail.find((row) => row.action === "template.updated")).toMatchObject({
      before: { sessionMinutes: 25, resources: [] },
      after: { sessionMinutes: 20, resources: ["Timer"], version: 2 },
    });
  });

  it("leaves the district's templates to admins: a specialist who sees one may not change it", async () => {
    const district = await createTemplate(ctx(admin), templateInput());
    expect(
      await rejection(updateTemplate(ctx(johnson), district.id, { sessionMinutes: 20 }, 1)),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(updateTemplate(ctx(johnson), district.id, { shareWithDistrict: true }, 1)),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe("a group started from a template", () => {
  function groupFrom(templateId: string, facilitatorId: string | null) {
    return createInterventionSchema.parse({
      name: `From template ${randomUUID().slice(0, 8)}`,
      tier: 2,
      focusArea: "Math Facts Fluency",
      startDate: addDays(inject("seedToday"), 14),
      durationWeeks: 8,
      schedule: { days: ["MO", "WE", "FR"], startTime: "13:15", minutes: 30 },
      facilitatorIds: [facilitatorId],
      templateId,
    });
  }

  it("remembers its template and starts with the template's measure", async () => {
    const mathFacts = (await listTemplates(ctx(johnson))).items.find(
      (t) => t.name === MATH_FACTS_TEMPLATE,
    );
    if (!mathFacts) throw new Error("The seeded library has no math facts template");
    const created = await createIntervention(
      ctx(johnson),
      groupFrom(mathFacts.id, await newFacilitator(app.db, johnson.tenantId)),
    );
    expect(created.body.templateId).toBe(mathFacts.id);
    const [row] = await withTenant(app.db, johnson, (tx) =>
      tx
        .select({
          templateId: interventions.templateId,
          measureName: interventions.measureName,
          goalValue: interventions.goalValue,
        })
        .from(interventions)
        .where(eq(interventions.id, created.body.id)),
    );
    expect(row).toEqual({
      templateId: mathFacts.id,
      measureName: "Math facts correct per minute",
      goalValue: 40,
    });
  });

  it("refuses a template the planner may not see, writing nothing", async () => {
    const hidden = await createTemplate(ctx(otherSpecialist), templateInput());
    const input = groupFrom(hidden.id, johnson.staffId);
    expect(await rejection(createIntervention(ctx(johnson), input))).toBeInstanceOf(NotFoundError);
    const cedarInput = groupFrom(hidden.id, cedarSpecialist.staffId);
    expect(await rejection(createIntervention(ctx(cedarSpecialist), cedarInput))).toBeInstanceOf(
      NotFoundError,
    );
    const mine = await listInterventions(ctx(johnson), { limit: 100 });
    expect(mine.items.map((i) => i.name)).not.toContain(input.name);
  });

  it("saves a group as the specialist's personal template", async () => {
    const page = await listInterventions(ctx(johnson), { limit: 100 });
    const phonics = page.items.find((i) => i.name === DEMO_GROUPS.phonics);
    if (!phonics) throw new Error("The demo phonics group is missing");
    const saved = await saveInterventionAsTemplate(ctx(johnson), phonics.id, {});
    expect(saved).toMatchObject({
      name: DEMO_GROUPS.phonics,
      tier: phonics.tier,
      focusArea: phonics.focusArea,
      durationWeeks: phonics.durationWeeks,
      daysPerWeek: phonics.schedule.days.length,
      sessionMinutes: phonics.schedule.minutes,
      scope: "personal",
      ownerUserId: johnson.userId,
    });
    expect(await namesFor(otherSpecialist)).not.toContain(saved.name);
    expect(
      await rejection(saveInterventionAsTemplate(ctx(cedarSpecialist), phonics.id, {})),
    ).toBeInstanceOf(NotFoundError);
  });
});
