"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { HttpError } from "@/components/providers/query-provider";
import type {
  ScheduleCheckRequest,
  ScheduleCheckResult,
} from "@/lib/domain/scheduling/conflict-view";

const DEBOUNCE_MS = 400;

/** The value once it has stood still for `ms`: typing a time checks once, not per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

async function checkSchedule(body: string, signal: AbortSignal): Promise<ScheduleCheckResult> {
  const response = await fetch("/api/v1/schedule/check", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body,
    signal,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new HttpError(
      response.status,
      problem?.detail ?? "The schedule could not be checked just now.",
    );
  }
  return (await response.json()) as ScheduleCheckResult;
}

/**
 * The live conflict check of the planning form (issue 10): `POST /api/v1/schedule/check` with the
 * form's schedule fields, ≈400 ms after they stop changing, keeping the last answer on screen
 * while the next one loads. `request` is null until the form can be checked
 * (lib/domain/scheduling/conflict-view.ts → scheduleCheckRequest): nothing is sent before.
 */
export function useScheduleCheck(request: ScheduleCheckRequest | null) {
  // The key is the body as text: a re-render with equal fields is the same query.
  const body = useDebounced(request ? JSON.stringify(request) : null, DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ["schedule-check", body],
    queryFn: ({ signal }) => checkSchedule(body as string, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
  return {
    /** The latest answer (the previous one while a newer is on its way); undefined before any. */
    result: body === null ? undefined : query.data,
    checking: body !== null && query.isFetching,
    /** Why the last check failed, in words; the save still checks on the server. */
    error: query.error ? query.error.message : null,
    /** The fields changed since the answer on screen was asked for. */
    stale: query.isPlaceholderData || (request ? JSON.stringify(request) : null) !== body,
  };
}
