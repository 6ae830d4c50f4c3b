import { gradeLabel } from "@/components/interventions/format";
import { TierBadge } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { formatMoment } from "@/lib/domain/calendar/format";
import { ROLE_LABELS, type Role } from "@/lib/domain/policy";
import type { StudentRecord } from "@/lib/use-cases/audit/student-record";

/** One part of the record: a table under its title, or "None on record." */
function Section({
  title,
  columns,
  empty,
  children,
}: {
  title: string;
  columns: string[];
  empty: boolean;
  /** The table's body rows. */
  children: React.ReactNode;
}) {
  return (
    <section className="space-y-2 break-inside-avoid">
      <h2 className="text-lg font-semibold">{title}</h2>
      {empty ? (
        <p className="text-sm text-slate-700">None on record.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <ColumnHeads
            columns={columns}
            className=""
            cellClassName="py-1.5 pr-3 font-medium text-slate-600"
          />
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}

const cell = "py-1.5 pr-3 align-top";

/** A student's compliance record, the same on screen and on paper. */
export function StudentRecordSections({
  record,
  timeZone,
}: {
  record: StudentRecord;
  timeZone: string;
}) {
  const { student } = record;
  return (
    <div className="space-y-6">
      <dl className="grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Student number</dt>
          <dd className="font-medium">{student.localId}</dd>
        </div>
        <div>
          <dt className="text-slate-600">School and grade</dt>
          <dd className="font-medium">
            {student.schoolName}, grade {gradeLabel(student.grade)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Current tier</dt>
          <dd>
            <TierBadge tier={student.currentTier} />
          </dd>
        </div>
      </dl>

      <Section
        title="Tier decisions"
        columns={["Decided on", "Decision", "By", "Justification"]}
        empty={record.tierHistory.length === 0}
      >
        {record.tierHistory.map((change) => (
          <tr key={change.id} className="border-t border-slate-100">
            <td className={cell}>{change.decidedOn}</td>
            <td className={cell}>
              {change.decision}: tier {change.fromTier ?? "—"} → {change.toTier}
            </td>
            <td className={cell}>{change.decidedByName ?? "—"}</td>
            <td className={cell}>{change.justification}</td>
          </tr>
        ))}
      </Section>

      <Section
        title="Interventions"
        columns={["Intervention", "Enrolled", "Exited", "Goal"]}
        empty={record.enrollments.length === 0}
      >
        {record.enrollments.map((enrollment) => (
          <tr
            key={`${enrollment.interventionId}-${enrollment.enrollmentDate}`}
            className="border-t border-slate-100"
          >
            <td className={cell}>
              {enrollment.name}{" "}
              <span className="text-slate-600">
                (tier {enrollment.tier}, {enrollment.frequency})
              </span>
            </td>
            <td className={cell}>{enrollment.enrollmentDate}</td>
            <td className={cell}>{enrollment.isActive ? "—" : (enrollment.exitDate ?? "yes")}</td>
            <td className={cell}>{enrollment.goal ?? "—"}</td>
          </tr>
        ))}
      </Section>

      <Section
        title="Communication with the family"
        columns={["When", "To", "What", "Why", "Status"]}
        empty={record.communications.length === 0}
      >
        {record.communications.map((message) => (
          <tr key={message.id} className="border-t border-slate-100">
            <td className={cell}>{formatMoment(message.sentAt ?? message.createdAt, timeZone)}</td>
            <td className={cell}>{message.toAddress ?? message.channel}</td>
            <td className={cell}>{message.subject}</td>
            <td className={cell}>{message.reason ?? "—"}</td>
            <td className={cell}>{message.status}</td>
          </tr>
        ))}
      </Section>

      <Section
        title="Disclosures of this record"
        columns={["When", "To", "Purpose", "By"]}
        empty={record.disclosures.length === 0}
      >
        {record.disclosures.map((disclosure) => (
          <tr
            key={disclosure.id}
            className="border-t border-slate-100"
            data-testid="disclosure-row"
          >
            <td className={cell}>{formatMoment(disclosure.disclosedAt, timeZone)}</td>
            <td className={cell}>{disclosure.disclosedTo}</td>
            <td className={cell}>{disclosure.purpose}</td>
            <td className={cell}>{disclosure.disclosedByName ?? "—"}</td>
          </tr>
        ))}
      </Section>

      <Section
        title="Audit trail"
        columns={["When", "Who", "What", "Why"]}
        empty={record.auditTrail.length === 0}
      >
        {record.auditTrail.map((entry) => (
          <tr key={entry.id} className="border-t border-slate-100">
            <td className={cell}>{formatMoment(entry.occurredAt, timeZone)}</td>
            <td className={cell}>
              {entry.actorName ?? "System"}
              {entry.actorRole ? (
                <span className="text-slate-600">
                  {" "}
                  ({ROLE_LABELS[entry.actorRole as Role] ?? entry.actorRole})
                </span>
              ) : null}
            </td>
            <td className={cell}>{entry.action}</td>
            <td className={cell}>{entry.reason ?? "—"}</td>
          </tr>
        ))}
      </Section>
    </div>
  );
}
