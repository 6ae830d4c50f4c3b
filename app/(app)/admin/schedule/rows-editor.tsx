"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import type { ActionResult } from "@/lib/server/action";
import { ActionForm, type FieldSpec, type FormValues, type SaveAction } from "./action-form";

export interface EditableRow {
  id: string;
  /** What each column shows, already written for people. */
  cells: string[];
  /** The row's values in the form, to edit it. */
  values: FormValues;
}

type DeleteAction = (values: unknown) => Promise<ActionResult<unknown>>;

/**
 * A table of one school's or one person's rows (bell periods, blocks, rooms, absences) with
 * "Edit" and "Delete" per row and a form to add one, for those who may edit.
 */
export function RowsEditor({
  idPrefix,
  noun,
  columns,
  rows,
  fields,
  blank,
  hidden,
  canEdit,
  save,
  remove,
  editable = true,
}: {
  idPrefix: string;
  noun: string;
  columns: readonly string[];
  rows: readonly EditableRow[];
  fields: readonly FieldSpec[];
  blank: FormValues;
  hidden: Record<string, string>;
  canEdit: boolean;
  save: SaveAction;
  remove?: DeleteAction;
  /** false: rows are added and deleted, never changed (absences). */
  editable?: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const done = () => {
    setEditing(null);
    setAdding(false);
    setFormKey((k) => k + 1);
    router.refresh();
  };
  const onDelete = async (id: string) => {
    if (!remove) return;
    setError(null);
    const result = await remove({ id });
    if (!result.ok) setError(result.message);
    else router.refresh();
  };
  const withActions = canEdit && (editable || remove);

  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">None yet.</p>
      ) : (
        <DataTable columns={withActions ? [...columns, ""] : columns} caption={`${noun}s`}>
          {rows.map((row) =>
            editing === row.id ? (
              <tr key={row.id}>
                <td colSpan={columns.length + 1} className="py-2">
                  <ActionForm
                    key={`${row.id}-${formKey}`}
                    idPrefix={`${idPrefix}-${row.id}`}
                    action={save}
                    fields={fields}
                    initial={row.values}
                    hidden={{ ...hidden, id: row.id }}
                    submitLabel={`Save ${noun.toLowerCase()}`}
                    onSaved={done}
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : (
              <DataRow key={row.id} data-testid={`${idPrefix}-row`}>
                {row.cells.map((cell, i) => (
                  <td key={columns[i]} className="py-2 pr-4">
                    {cell}
                  </td>
                ))}
                {withActions ? (
                  <td className="py-2 pr-4">
                    <div className="flex gap-2">
                      {editable ? (
                        <Button
                          variant="secondary"
                          className="min-h-9"
                          onClick={() => setEditing(row.id)}
                        >
                          Edit<span className="sr-only"> {row.cells.join(" ")}</span>
                        </Button>
                      ) : null}
                      {remove ? (
                        <Button
                          variant="danger"
                          className="min-h-9"
                          onClick={() => onDelete(row.id)}
                        >
                          Delete<span className="sr-only"> {row.cells.join(" ")}</span>
                        </Button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </DataRow>
            ),
          )}
        </DataTable>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {canEdit ? (
        adding ? (
          <ActionForm
            key={`new-${formKey}`}
            idPrefix={`${idPrefix}-new`}
            action={save}
            fields={fields}
            initial={blank}
            hidden={hidden}
            submitLabel={`Add ${noun.toLowerCase()}`}
            onSaved={done}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a {noun.toLowerCase()}
          </Button>
        )
      ) : null}
    </div>
  );
}
