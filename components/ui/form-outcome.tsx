/** What became of a form's last submit: saved (a polite status) or refused (an alert). */
export function FormOutcome({
  message,
  className = "",
}: {
  message: { ok: boolean; text: string } | null;
  className?: string;
}) {
  if (!message) return null;
  return (
    <p
      role={message.ok ? "status" : "alert"}
      className={`${message.ok ? "text-emerald-800" : "text-red-700"} ${className}`.trim()}
    >
      {message.text}
    </p>
  );
}
