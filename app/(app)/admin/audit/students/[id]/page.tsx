import type { Metadata } from "next";
import { changeTierAction } from "@/app/(app)/students/[id]/actions";
import { ChangeTierForm } from "@/components/tiers/change-tier-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { BackLink } from "@/components/ui/text-link";
import { canExportStudentRecord } from "@/lib/domain/policy";
import { getStudentRecord } from "@/lib/use-cases/audit/get-student-record";
import { adminRecord } from "../../../admin-record";
import { StudentRecordSections } from "./record-sections";

export const metadata: Metadata = { title: "Student compliance record" };

export default async function StudentRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, id, record } = await adminRecord(params, canExportStudentRecord, getStudentRecord);
  const { student } = record;

  return (
    <div className="space-y-6">
      <div>
        <BackLink href={`/admin/audit?studentId=${id}`}>Audit trail</BackLink>
        <h1 className="text-2xl font-bold">
          {student.firstName} {student.lastName}: compliance record
        </h1>
        <p className="text-slate-700">
          For an IEP meeting or a compliance review. Opening this page is itself recorded.
        </p>
      </div>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Record a tier decision</h2>
        <ChangeTierForm
          currentTier={student.currentTier}
          action={changeTierAction.bind(null, id)}
        />
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Export for an IEP meeting or a review</h2>
        <p className="mb-3 text-sm text-slate-700">
          Every export is recorded as a disclosure: to whom the record goes, and why.
        </p>
        <form
          method="post"
          action={`/admin/audit/students/${id}/export`}
          className="grid gap-4 md:grid-cols-2"
        >
          <InputField
            id="disclosed-to"
            label="Disclosed to"
            name="disclosedTo"
            required
            minLength={3}
            maxLength={300}
            placeholder="IEP team, Maple Grove Elementary"
          />
          <InputField
            id="purpose"
            label="Purpose"
            name="purpose"
            required
            minLength={3}
            maxLength={500}
            placeholder="Annual IEP review"
          />
          <div className="flex flex-wrap gap-2 md:col-span-2">
            <button type="submit" name="format" value="csv" className={buttonClasses()}>
              Download CSV
            </button>
            <button
              type="submit"
              name="format"
              value="print"
              className={buttonClasses("secondary")}
            >
              Open printable page
            </button>
          </div>
        </form>
      </Card>

      <Card>
        <StudentRecordSections record={record} timeZone={actor.timeZone} />
      </Card>
    </div>
  );
}
