import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { percent } from "@/components/attendance/format";
import { describeSchedule, gradeLabel } from "@/components/interventions/format";
import { Card, TierBadge } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { isStaff } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listMyStudents } from "@/lib/use-cases/students/list-my-students";

export const metadata: Metadata = { title: "My students" };

/** A teacher's students in interventions: their own class rosters only. */
export default async function MyStudentsPage() {
  const actor = await requireActor();
  if (!isStaff(actor)) notFound();
  const students = await listMyStudents(contextFor(actor));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">My students in interventions</h1>
        <p className="text-slate-700">
          Students on your class rosters who receive extra support now, where and when.
        </p>
      </div>
      <Card>
        {students.length === 0 ? (
          <p className="text-slate-700">
            None of the students on your rosters is in an intervention right now.
          </p>
        ) : (
          <DataTable
            columns={["Student", "Class", "Intervention", "Schedule", "With", "Attendance"]}
            data-testid="my-students"
            caption="Your students in interventions"
          >
            {students.flatMap((student) =>
              student.interventions.map((i, n) => (
                <DataRow key={`${student.id}-${i.id}`} data-testid="my-student-row">
                  {n === 0 ? (
                    <>
                      <th
                        scope="row"
                        rowSpan={student.interventions.length}
                        className="py-2 pr-4 text-left font-normal"
                      >
                        <TextLink href={`/students/${student.id}`} className="font-medium">
                          {student.firstName} {student.lastName}
                        </TextLink>
                        <div className="text-xs text-slate-600">
                          Grade {gradeLabel(student.grade)} · Tier {student.currentTier}
                        </div>
                      </th>
                      <td rowSpan={student.interventions.length} className="py-2 pr-4">
                        {student.sections.join(", ")}
                      </td>
                    </>
                  ) : null}
                  <td className="py-2 pr-4">
                    <TextLink href={`/interventions/${i.id}`}>{i.name}</TextLink>{" "}
                    <TierBadge tier={i.tier} />
                    {i.optedOut ? (
                      <div className="text-xs text-amber-800">Family opted out</div>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{describeSchedule(i.schedule)}</td>
                  <td className="py-2 pr-4">{i.facilitators.join(", ")}</td>
                  <td className="py-2 pr-4">
                    {i.attendanceRate === null ? "—" : percent(i.attendanceRate)}
                  </td>
                </DataRow>
              )),
            )}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
