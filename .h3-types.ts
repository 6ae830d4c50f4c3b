import { guardians, students, sectionStudents, assessmentResults } from "@/db/schema";
for (const t of [guardians, students, sectionStudents, assessmentResults]) {
  for (const [k, c] of Object.entries(t)) { if (c && typeof c === "object" && "getSQLType" in c) console.log(k, (c as any).name, (c as any).getSQLType()); }
}
