import { formatDate } from "@/lib/domain/calendar/format";
import { formatNumber } from "@/lib/domain/progress/format";
import type { PortalText } from "@/lib/i18n/portal";
import type { FamilyNote } from "@/lib/use-cases/portal/family-views";

/**
 * Progress notes the team shared with the family, newest first, in the parent's language around
 * the team's own words (which stay as written). With `showGroup`, each note names its group.
 */
export function FamilyNoteList({
  notes,
  empty,
  text,
  dateLocale,
  showGroup,
}: {
  notes: FamilyNote[];
  empty: string;
  text: PortalText["note"];
  dateLocale: string;
  showGroup: boolean;
}) {
  if (notes.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <ol className="space-y-2">
      {notes.map((note) => (
        <li
          key={note.id}
          className="rounded-md border border-slate-200 p-3 text-sm"
          data-testid="family-note"
        >
          <p className="font-medium">
            {formatDate(note.date, dateLocale)}
            {showGroup ? ` · ${note.interventionName}` : ""}
          </p>
          {note.progressRating ? (
            <p className="text-slate-800">{text.ratings[note.progressRating]}</p>
          ) : null}
          {note.measure ? (
            <p className="text-slate-800">
              {note.measure.name}: {formatNumber(note.measure.value)}
              {note.measure.unit ? ` ${note.measure.unit}` : ""}
            </p>
          ) : null}
          <p className="mt-1 whitespace-pre-line text-base">{note.observation}</p>
          {note.nextSteps ? (
            <p className="mt-1 text-slate-800">
              <span className="font-medium">{text.nextSteps}:</span> {note.nextSteps}
            </p>
          ) : null}
          {note.authorName ? (
            <p className="mt-1 text-xs text-slate-700">{text.from(note.authorName)}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
