import type { ReactNode } from "react";

/** The "Answer" disclosure under a request on a list: its form opens when pressed. */
export function AnswerDetails({ children }: { children: ReactNode }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-brand-700 underline">Answer</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

/** The child a request on the team's dashboard is about, linked to their record. */
export function StudentNameLink({
  studentId,
  firstName,
  lastName,
}: {
  studentId: string;
  firstName: string;
  lastName: string;
}) {
  return (
    <a href={`/students/${studentId}`} className="font-semibold text-brand-700 underline">
      {firstName} {lastName}
    </a>
  );
}
