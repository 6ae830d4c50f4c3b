import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { guardians, schools, studentGuardians, students } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import type { Actor } from "@/lib/domain/policy";

/**
 * For the integration tests of letters to families (not used by the app): a child of one's own
 * with guardians in the given languages, each with an e-mail address, so no other test's data
 * moves and no seeded family's letters are counted.
 */
export async function newTestFamily(
  db: Database,
  tenantId: string,
  languages: readonly string[],
): Promise<{ studentId: string; guardians: { id: string; email: string; language: string }[] }> {
  const suffix = randomUUID().slice(0, 8);
  return withTenant(db, { tenantId }, async (tx) => {
    const [school] = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.tenantId, tenantId))
      .limit(1);
    const [student] = await tx
      .insert(students)
      .values({
        tenantId,
        schoolId: school!.id,
        localId: `F-${suffix}`,
        firstName: "Linh",
        lastName: `Family ${suffix}`,
        grade: 2,
      })
      .returning({ id: students.id });
    const made = await tx
      .insert(guardians)
      .values(
        languages.map((language, i) => ({
          tenantId,
          firstName: `Guardian${i + 1}`,
          lastName: `Family ${suffix}`,
          email: `guardian${i + 1}-${language}-${suffix}@family.example`,
          language,
        })),
      )
      .returning({ id: guardians.id, email: guardians.email, language: guardians.language });
    await tx
      .insert(studentGuardians)
      .values(made.map((g) => ({ tenantId, studentId: student!.id, guardianId: g.id })));
    return {
      studentId: student!.id,
      guardians: made.map((g) => ({ id: g.id, email: g.email as string, language: g.language })),
    };
  });
}

/** A parent's actor for a guardian record, as the portal would get it after sign-in. */
export function parentActor(of: Actor, guardianId: string): Actor {
  return {
    ...of,
    userId: randomUUID(),
    role: "parent",
    name: "Test Parent",
    email: "test-parent@family.example",
    staffId: null,
    guardianId,
  };
}
