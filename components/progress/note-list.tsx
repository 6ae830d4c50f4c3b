import Link from "next/link";
import { formatDate } from "@/lib/domain/calendar/format";
import { formatNumber } from "@/lib/domain/progress/format";
import type { NoteVisibility } from "@/lib/domain/sessions/schemas";
import type { NoteDto } from "@/lib/use-cases/progress/note-dto";

const VISIBILITY_BADGES: Record<NoteVisibility, { label: string; className: string }> = {
  team: { label: "Team only", className: "bg-slate-200 text-slate-900" },
  teachers: { label: "Shared with teachers", className: "bg-sky-100 text-sky-900" },
  family: { label: "Shared with family", className: "bg-violet-100 text-violet-900" },
};

export function measureText(measure: NonNullable<NoteDto["measure"]>): string {
  return `${measure.name}: ${formatNumber(measure.value)}${measure.unit ? ` ${measure.unit}` : ""}`;
}

/** Progress notes, newest first, each with who may read it; an edit link for the team. */
export function NoteList({
  notes,
  show,
  editable,
}: {
  notes: NoteDto[];
  /** Which link the note carries: to its student (intervention page) or its intervention. */
  show: "student" | "intervention";
  editable: boolean;
}) {
  if (notes.length === 0) return <p className="text-slate-700">No progress notes yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Progress notes">
      {notes.map((note) => {
        const badge = VISIBILITY_BADGES[note.visibility];
        return (
          <li
            key={note.id}
            className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
            data-testid="progress-note"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold">
                {formatDate(note.date)} ·{" "}
                {show === "student" ? (
                  <Link
                    href={`/students/${note.studentId}/progress`}
                    className="text-brand-700 underline"
                  >
                    {note.studentName}
                  </Link>
                ) : (
                  note.interventionName
                )}
              </p>
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${badge.className}`}>
                {badge.label}
              </span>
            </div>
            {note.progressRatingLabel ? (
              <p className="text-sm font-medium text-slate-800">{note.progressRatingLabel}</p>
            ) : null}
            {note.measure ? (
              <p className="text-sm text-slate-800">{measureText(note.measure)}</p>
            ) : null}
            <p className="mt-1 whitespace-pre-line">{note.observation}</p>
            {note.nextSteps ? (
              <p className="mt-1 text-sm text-slate-700">
                <span className="font-medium">Next steps:</span> {note.nextSteps}
              </p>
            ) : null}
            <p className="mt-1 text-xs text-slate-600">
              {note.authorName ? `By ${note.authorName}` : "Recorded"}
              {note.edited ? " · edited" : ""}
              {editable ? (
                <>
                  {" · "}
                  <Link
                    href={`/interventions/${note.interventionId}/notes/${note.id}`}
                    className="text-brand-700 underline"
                  >
                    {note.edited ? "Edit or see history" : "Edit"}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
