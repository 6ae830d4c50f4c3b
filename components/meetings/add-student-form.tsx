"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { PickedPerson } from "@/components/people/person-picker";
import { OneStudentPicker } from "@/components/people/student-picker";
import { DecisionKindOptions } from "@/components/tiers/change-tier-form";
import { TeamPicker, type TeamRow, teamMembers } from "@/components/tiers/team-picker";
import { Button } from "@/components/ui/button";
import { Field, InputField, inputClasses, TextAreaField } from "@/components/ui/field";
import { FormError, FormOutcome } from "@/components/ui/form-outcome";
import { TIERS } from "@/lib/domain/tiers/tier";
import type { ActionResult } from "@/lib/server/action";
import { type AgreedPlan, AgreedPlanFields, NO_PLAN } from "./agreed-plan-fields";

type AddStudentAction = (
  values: unknown,
  idempotencyKey: string,
) => Promise<ActionResult<{ decisionSummary: string }>>;

interface StudentFacts {
  currentTier: number;
  interventions: { interventionId: string; name: string; current: boolean }[];
  tierHistory: { id: string; date: string; fromTier: number | null; toTier: number }[];
}

/**
 * A student discussed at the meeting: the decision in words, or a tier decision recorded now
 * (its data is kept as the snapshot the recap links to), the plan agreed, and the review date.
 */
export function AddMeetingStudentForm({ action }: { action: AddStudentAction }) {
  const router = useRouter();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [student, setStudent] = useState<PickedPerson[]>([]);
  const [facts, setFacts] = useState<StudentFacts | null>(null);
  const [withTierDecision, setWithTierDecision] = useState(true);
  const [toTier, setToTier] = useState("3");
  const [kind, setKind] = useState("");
  const [interventionId, setInterventionId] = useState("");
  const [reason, setReason] = useState("");
  const [lowFidelityReason, setLowFidelityReason] = useState("");
  const [team, setTeam] = useState<TeamRow[]>([]);
  const [decision, setDecision] = useState("");
  const [tierChangeId, setTierChangeId] = useState("");
  const [plan, setPlan] = useState<AgreedPlan>(NO_PLAN);
  const [reviewOn, setReviewOn] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ ok: boolean; text: string } | null>(null);
  const studentId = student[0]?.id ?? null;

  useEffect(() => {
    setFacts(null);
    if (!studentId) return;
    const controller = new AbortController();
    fetch(`/api/v1/students/${studentId}/interventions`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: StudentFacts | null) => {
        if (!body) return;
        setFacts(body);
        setToTier(String(Math.min(3, body.currentTier + 1)));
        const current = body.interventions.find((i) => i.current);
        setInterventionId(current?.interventionId ?? "");
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [studentId]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const number = (value: string) => (value.trim() === "" ? null : Number(value));
    const result = await action(
      {
        studentId,
        reviewOn: reviewOn || null,
        decision: withTierDecision ? null : decision || null,
        tierChangeId: withTierDecision ? null : tierChangeId || null,
        plan: {
          description: plan.description || null,
          with: plan.with || null,
          sessionsPerWeek: number(plan.sessionsPerWeek),
          minutes: number(plan.minutes),
        },
        tierDecision: withTierDecision
          ? {
              toTier: Number(toTier),
              decision: kind || undefined,
              reason,
              interventionId: interventionId || null,
              team: teamMembers(team),
              lowFidelityReason: lowFidelityReason || null,
            }
          : null,
      },
      key,
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(
        Object.fromEntries(
          result.fieldErrors.map((e) => [e.path.split(".").at(-1) ?? e.path, e.message]),
        ),
      );
      return;
    }
    setFieldErrors({});
    setDone({ ok: true, text: `Added: ${student[0]?.label}: ${result.data.decisionSummary}.` });
    setKey(crypto.randomUUID());
    setStudent([]);
    setReason("");
    setLowFidelityReason("");
    setDecision("");
    setTierChangeId("");
    setTeam([]);
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <FormError message={error} />
        <FormOutcome message={done} />
      </div>
      <Field id="meeting-student" label="Student discussed" error={fieldErrors.studentId}>
        <OneStudentPicker
          id="meeting-student"
          selected={student}
          onChange={setStudent}
          placeholder="Search students"
        />
      </Field>
      <InputField
        id="meeting-review-on"
        label="Review on"
        type="date"
        value={reviewOn}
        onChange={(e) => setReviewOn(e.target.value)}
        error={fieldErrors.reviewOn}
      />
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input
          type="checkbox"
          checked={withTierDecision}
          onChange={(e) => setWithTierDecision(e.target.checked)}
        />
        Record a tier decision now (its data is kept with the recap)
      </label>
      {withTierDecision ? (
        <>
          <Field
            id="meeting-to-tier"
            label={`New tier${facts ? ` (now tier ${facts.currentTier})` : ""}`}
            error={fieldErrors.toTier}
          >
            <select
              id="meeting-to-tier"
              className={inputClasses}
              value={toTier}
              onChange={(e) => setToTier(e.target.value)}
            >
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  Tier {tier}
                </option>
              ))}
            </select>
          </Field>
          <Field id="meeting-kind" label="Kind of decision">
            <select
              id="meeting-kind"
              className={inputClasses}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              <DecisionKindOptions />
            </select>
          </Field>
          <Field
            id="meeting-intervention"
            label="Data from the intervention"
            className="md:col-span-2"
            error={fieldErrors.interventionId}
          >
            <select
              id="meeting-intervention"
              className={inputClasses}
              value={interventionId}
              onChange={(e) => setInterventionId(e.target.value)}
            >
              <option value="">No intervention's data</option>
              {(facts?.interventions ?? []).map((i) => (
                <option key={i.interventionId} value={i.interventionId}>
                  {i.name}
                  {i.current ? "" : " (past)"}
                </option>
              ))}
            </select>
          </Field>
          <TextAreaField
            id="meeting-reason"
            label="Justification"
            rows={2}
            className="md:col-span-2"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={fieldErrors.reason}
          />
          {fieldErrors.lowFidelityReason ? (
            <TextAreaField
              id="meeting-low-fidelity-reason"
              label="Reason to proceed at low fidelity"
              rows={2}
              className="md:col-span-2"
              value={lowFidelityReason}
              onChange={(e) => setLowFidelityReason(e.target.value)}
              error={fieldErrors.lowFidelityReason}
            />
          ) : null}
          <div className="md:col-span-2">
            <TeamPicker
              id="meeting-team"
              legend="Team who decided"
              rows={team}
              onChange={setTeam}
            />
          </div>
        </>
      ) : (
        <>
          <InputField
            id="meeting-decision"
            label="Decision"
            placeholder="Continue; add a weekly probe"
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            error={fieldErrors.decision}
          />
          <Field
            id="meeting-tier-change"
            label="Data looked at: a tier decision on record"
            error={fieldErrors.tierChangeId}
          >
            <select
              id="meeting-tier-change"
              className={inputClasses}
              value={tierChangeId}
              onChange={(e) => setTierChangeId(e.target.value)}
            >
              <option value="">None</option>
              {[...(facts?.tierHistory ?? [])].reverse().map((t) => (
                <option key={t.id} value={t.id}>
                  {t.date}: {t.fromTier ? `Tier ${t.fromTier} → ` : ""}Tier {t.toTier}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <AgreedPlanFields plan={plan} onChange={setPlan} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={busy || !studentId}>
          {busy ? "Adding…" : "Add the student discussed"}
        </Button>
      </div>
    </form>
  );
}
