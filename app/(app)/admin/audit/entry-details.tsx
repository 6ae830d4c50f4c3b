function JsonValue({ label, value }: { label: string; value: unknown }) {
  if (value === null) return null;
  return (
    <div>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd>
        <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2">
          {JSON.stringify(value, null, 2)}
        </pre>
      </dd>
    </div>
  );
}

/** Before and after of one audit entry, folded away until asked for. */
export function AuditEntryDetails({
  before,
  after,
  requestId,
}: {
  before: unknown;
  after: unknown;
  requestId: string | null;
}) {
  const request = requestId ? (
    <span className="block text-xs text-slate-500">request {requestId}</span>
  ) : null;
  if (before === null && after === null) return request;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-brand-700">Before and after</summary>
      <dl className="mt-1 space-y-1 text-xs">
        <JsonValue label="Before" value={before} />
        <JsonValue label="After" value={after} />
      </dl>
      {request}
    </details>
  );
}
