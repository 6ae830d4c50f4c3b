/**
 * Maple Grove's resource catalogue (Scenario 9) and what three of its groups need. Each pool
 * is needed by one group only, in fewer units than it has, and a group's sessions never
 * overlap one another, so the booking triggers (drizzle/0010_scheduling.sql) can never find a
 * pool over-booked. One pool stays idle, for the utilization report.
 */

import type { Database } from "@/db/client";
import { interventionResources, resources } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { DEMO_DISTRICTS, DEMO_GROUPS } from "./accounts";
import type { CreatedGroup } from "./create-groups";
import type { DistrictPlan } from "./plan";

type NewResource = Omit<typeof resources.$inferInsert, "tenantId">;

interface DemoResource {
  resource: NewResource;
  /** The group that needs it and how many units each session holds; none: idle. */
  neededBy: { group: string; quantity: number } | null;
}

function catalogue(schoolId: (name: string) => string): DemoResource[] {
  return [
    {
      resource: {
        kind: "curriculum",
        name: "Reading Mastery Level 3",
        description: "Direct-instruction reading programme: teacher guides and student licences.",
        quantity: 30,
        location: "District literacy office",
        schoolId: null,
        costModel: "licence",
        licenceCentsPerStudentYear: 9_000,
      },
      neededBy: { group: DEMO_GROUPS.intensiveReading, quantity: 1 },
    },
    {
      resource: {
        kind: "material",
        name: "Decodable readers, phonics cards",
        description: "Decodable books and blend cards, used up and replaced through the year.",
        quantity: 40,
        location: "Room 104 cupboard",
        schoolId: schoolId("Maple Grove Elementary"),
        costModel: "consumable",
        perUseCents: 35,
      },
      neededBy: { group: DEMO_GROUPS.phonics, quantity: 4 },
    },
    {
      resource: {
        kind: "equipment",
        name: "iPad with reading apps",
        description: "A cart of iPads with phonics and fluency apps.",
        quantity: 6,
        location: "Library cart",
        schoolId: schoolId("Maple Grove Elementary"),
        costModel: "purchase",
        purchaseCents: 42_900,
        usefulLifeYears: 4,
      },
      neededBy: { group: DEMO_GROUPS.earlyLiteracy, quantity: 4 },
    },
    {
      resource: {
        kind: "material",
        name: "Fraction tiles classroom set",
        quantity: 2,
        location: "Math Lab",
        schoolId: schoolId("Maple Grove Elementary"),
        costModel: "purchase",
        purchaseCents: 8_900,
        usefulLifeYears: 5,
      },
      neededBy: null,
    },
  ];
}

/** Writes the catalogue and the groups' needs, after the groups exist (Maple Grove only). */
export async function writeDemoResources(
  db: Database,
  plan: DistrictPlan,
  created: readonly CreatedGroup[],
): Promise<void> {
  if (plan.slug !== DEMO_DISTRICTS.mapleGrove.slug) return;
  const schoolId = (name: string) => {
    const school = plan.schools.find((s) => s.name === name);
    if (!school?.id) throw new Error(`The demo school ${name} was not planned`);
    return school.id;
  };
  const groupId = (name: string) => {
    const id = created[plan.groups.findIndex((g) => g.name === name)]?.id;
    if (!id) throw new Error(`The demo group ${name} was not created`);
    return id;
  };
  await withTenant(db, { tenantId: plan.tenantId }, async (tx) => {
    for (const { resource, neededBy } of catalogue(schoolId)) {
      const [row] = await tx
        .insert(resources)
        .values({ ...resource, tenantId: plan.tenantId })
        .returning({ id: resources.id });
      if (!row || !neededBy) continue;
      await tx.insert(interventionResources).values({
        tenantId: plan.tenantId,
        interventionId: groupId(neededBy.group),
        resourceId: row.id,
        quantity: neededBy.quantity,
      });
    }
  });
}
