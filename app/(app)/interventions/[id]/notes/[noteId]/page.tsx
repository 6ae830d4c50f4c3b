import type { Metadata } from "next";
import Link from "next/link";
import { NoteEditor } from "@/components/progress/note-editor";
import { NoteList } from "@/components/progress/note-list";
import { Card } from "@/components/ui/card";
import { formatDate, formatInstant } from "@/lib/domain/calendar/format";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getNoteHistory } from "@/lib/use-cases/progress/get-note-history";
import { editProgressNoteAction } from "../actions";

export const metadata: Metadata = { title: "Progress note" };

interface Snapshot {
  noteDate?: string;
  observation?: string;
  measureName?: string | null;
  measureValue?: number | null;
  measureUnit?: string | null;
  visibility?: string;
}

/** One note: its editor for the team (with a required reason) and its earlier versions. */
export default async function NotePage({
  params,
}: {
  params: Promise<{ id: string; noteId: string }>;
}) {
  const raw = await params;
  const id = idParam(raw.id);
  const noteId = idParam(raw.noteId);
  const actor = await requireActor();
  const { note, canEdit, revisions } = await orNotFound(
    getNoteHistory(contextFor(actor), id, noteId),
  );

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/interventions/${id}/notes`} className="text-sm text-brand-700 underline">
          ← Progress notes
        </Link>
        <h1 className="mt-1 text-2xl font-bold">
          Note on {note.studentName}, {formatDate(note.date)}
        </h1>
        <p className="text-slate-700">{note.interventionName}</p>
      </div>

      {canEdit ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Change this note</h2>
          <NoteEditor
            interventionId={id}
            mode={{
              kind: "edit",
              action: editProgressNoteAction,
              noteId,
              studentName: note.studentName,
            }}
            previous={{}}
            defaultMeasure={null}
            defaults={{
              studentId: note.studentId,
              date: note.date,
              observation: note.observation,
              measure: {
                name: note.measure?.name ?? "",
                value: note.measure ? String(note.measure.value) : "",
                unit: note.measure?.unit ?? "",
              },
              nextSteps: note.nextSteps ?? "",
              progressRating: note.progressRating ?? "",
              visibility: note.visibility,
              reason: "",
              version: note.version,
            }}
          />
        </Card>
      ) : (
        <NoteList notes={[note]} show="intervention" editable={false} />
      )}

      {revisions.length > 0 ? (
        <section aria-labelledby="history-heading" className="space-y-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            Earlier versions
          </h2>
          <ol className="space-y-2">
            {revisions.map((revision) => {
              const before = revision.snapshot as Snapshot;
              return (
                <li
                  key={revision.version}
                  className="rounded-md border border-slate-200 bg-white p-3 text-sm"
                >
                  <p className="font-medium">
                    Version {revision.version}, changed{" "}
                    {formatInstant(revision.editedAt, actor.timeZone)}
                    {revision.editorName ? ` by ${revision.editorName}` : ""}
                  </p>
                  <p className="text-slate-700">Reason: {revision.reason}</p>
                  <p className="mt-1 whitespace-pre-line">{before.observation}</p>
                  {before.measureName ? (
                    <p className="text-slate-700">
                      {before.measureName}: {before.measureValue} {before.measureUnit ?? ""}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
