"use client";

import { Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { DAY, type DatedSegment, longDate, toX } from "@/components/progress/chart-axis";
import { formatNumber } from "@/lib/domain/progress/format";

export interface StudentChart {
  studentId: string;
  name: string;
  scores: readonly { date: string; value: number }[];
  /** From the student's baseline on the start date to the goal on the end date. */
  aim: DatedSegment | null;
  /** What the small chart says in words: latest score, chance of reaching the goal. */
  summary: string;
}

/**
 * One small chart per student on one shared scale, so the group's spread shows at a glance:
 * the student's scores and their aim line. The students' table above carries the figures.
 */
export function StudentCharts({
  students,
  startDate,
  endDate,
}: {
  students: readonly StudentChart[];
  startDate: string;
  endDate: string;
}) {
  const values = students.flatMap((s) => [
    ...s.scores.map((p) => p.value),
    ...(s.aim ? [s.aim.from.value, s.aim.to.value] : []),
  ]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const xs = students.flatMap((s) => s.scores.map((p) => toX(p.date)));
  const from = Math.min(toX(startDate), ...xs) - DAY;
  const to = Math.max(toX(endDate), ...xs) + DAY;

  return (
    <ul
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
      data-testid="student-charts"
    >
      {students.map((student) => (
        <li key={student.studentId} className="rounded-md border border-slate-200 p-3">
          <figure>
            <figcaption className="text-sm">
              <span className="font-semibold">{student.name}</span>
              <span className="block text-slate-700">{student.summary}</span>
            </figcaption>
            {student.scores.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No scores yet.</p>
            ) : (
              <div
                role="img"
                aria-label={`${student.name}: ${student.scores.length} score${student.scores.length === 1 ? "" : "s"} from ${longDate(toX(student.scores[0]!.date))} to ${longDate(toX(student.scores.at(-1)!.date))}, latest ${formatNumber(student.scores.at(-1)!.value)}. ${student.summary}`}
                className="mt-2 h-28 w-full"
              >
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
                    <XAxis type="number" dataKey="x" domain={[from, to]} scale="time" hide />
                    <YAxis width={32} domain={[low, high]} tick={{ fontSize: 10 }} />
                    {student.aim ? (
                      <Line
                        data={[
                          { x: toX(student.aim.from.date), value: student.aim.from.value },
                          { x: toX(student.aim.to.date), value: student.aim.to.value },
                        ]}
                        dataKey="value"
                        stroke="#15803d"
                        strokeDasharray="6 3"
                        dot={false}
                        isAnimationActive={false}
                      />
                    ) : null}
                    <Line
                      data={student.scores.map((p) => ({ x: toX(p.date), value: p.value }))}
                      dataKey="value"
                      stroke="#0f172a"
                      strokeWidth={2}
                      dot={{ r: 2.5, fill: "#0f172a" }}
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            )}
          </figure>
        </li>
      ))}
    </ul>
  );
}
