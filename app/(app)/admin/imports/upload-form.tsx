"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { ImportRunResult } from "@/lib/use-cases/imports/import-run";
import { ImportSummaryView } from "./import-summary";

type State =
  | { phase: "idle" }
  | { phase: "running"; file: string | null; rows: number }
  | { phase: "done"; result: ImportRunResult }
  | { phase: "error"; message: string };

/**
 * Uploads files to an import endpoint and follows its progress (newline-delimited JSON), then
 * shows the summary with the rejected rows. Shared by the roster and the assessment imports.
 */
export function UploadForm({
  endpoint,
  accept,
  multiple,
  label,
  hint,
  children,
}: {
  endpoint: string;
  accept: string;
  multiple: boolean;
  label: string;
  hint: string;
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<State>({ phase: "idle" });

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setState({ phase: "running", file: null, rows: 0 });
    try {
      const response = await fetch(endpoint, { method: "POST", body: data });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => null)) as {
          detail?: string;
          errors?: { message: string }[];
        } | null;
        setState({
          phase: "error",
          message:
            problem?.errors?.[0]?.message ??
            problem?.detail ??
            `The upload failed (${response.status}).`,
        });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as
            | { type: "progress"; file: string; rows: number }
            | { type: "done"; result: ImportRunResult }
            | { type: "error"; message: string };
          if (message.type === "progress")
            setState({ phase: "running", file: message.file, rows: message.rows });
          else if (message.type === "done") setState({ phase: "done", result: message.result });
          else setState({ phase: "error", message: message.message });
        }
      }
      router.refresh();
    } catch {
      setState({
        phase: "error",
        message: "The connection was lost during the upload. Check the imports list and try again.",
      });
    }
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3">
        {children}
        <InputField
          id={id}
          label={label}
          hint={hint}
          name="files"
          type="file"
          accept={accept}
          multiple={multiple}
          required
        />
        <Button type="submit" disabled={state.phase === "running"}>
          {state.phase === "running" ? "Importing…" : "Import"}
        </Button>
      </form>
      <div aria-live="polite">
        {state.phase === "running" ? (
          <p role="status" data-testid="import-progress">
            {state.file
              ? `Reading ${state.file}: ${state.rows.toLocaleString("en-US")} rows…`
              : "Uploading…"}
          </p>
        ) : null}
        {state.phase === "error" ? (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          >
            {state.message}
          </p>
        ) : null}
        {state.phase === "done" ? (
          <div className="space-y-3">
            <p
              role="status"
              className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
            >
              {state.result.unchanged
                ? `${state.result.sourceName}: nothing changed — this data was already imported.`
                : `${state.result.sourceName} imported.`}
              {state.result.rejectedTotal > 0
                ? ` ${state.result.rejectedTotal} rows were rejected (listed below).`
                : ""}
            </p>
            <ImportSummaryView
              summary={state.result.summary}
              rejected={state.result.rejected}
              rejectedTotal={state.result.rejectedTotal}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
