import type { Metadata } from "next";
import Link from "next/link";
import { LetterText } from "@/components/letters/letter-text";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { formatMoment } from "@/lib/domain/calendar/format";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { getCommunication } from "@/lib/use-cases/communications/get-communication";
import { adminRecord } from "../../admin-record";
import { StatusBadge } from "../status-badge";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, record: message } = await adminRecord(params, isDistrictAdmin, getCommunication);
  const when = (date: Date | null) => formatMoment(date, actor.timeZone);
  const facts: [string, React.ReactNode][] = [
    ["To", message.toAddress ?? "—"],
    ["Why", message.reason ?? message.kind],
    ["Channel", message.channel],
    ["Language", message.language],
    [
      "Template version",
      message.templateVersion === 0 ? "built-in" : (message.templateVersion ?? "—"),
    ],
    ["Required notice", message.required ? "yes (never suppressed by an unsubscribe)" : "no"],
    ["Written", when(message.createdAt)],
    ["Status", <StatusBadge key="status" status={message.status} />],
    ["Attempts", message.attempts],
    ["Sent", when(message.sentAt)],
    ["Next attempt", when(message.nextAttemptAt)],
    ["Last error", message.lastError ?? "—"],
  ];
  return (
    <div className="space-y-6">
      <BackLink href="/admin/mailbox">Mailbox</BackLink>
      <h1 className="text-2xl font-bold">{message.subject}</h1>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <dl className="space-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium break-words">{value}</dd>
              </div>
            ))}
            {message.studentId ? (
              <div>
                <dt className="text-slate-600">Student</dt>
                <dd>
                  <Link
                    href={`/students/${message.studentId}`}
                    className="text-brand-700 underline"
                  >
                    Student page
                  </Link>
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="sr-only">Message</h2>
          <LetterText
            text={message.body}
            language={message.language}
            className="text-sm"
            data-testid="message-body"
          />
          {message.emailBody ? (
            <div className="mt-4 border-t border-slate-200 pt-3">
              <h3 className="font-semibold">What the e-mail carried</h3>
              <p className="text-sm text-slate-700">
                The district e-mails a notice; the family reads the letter above in the portal.
              </p>
              <LetterText
                text={message.emailBody}
                language={message.language}
                className="mt-2 text-sm"
                data-testid="email-body"
              />
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
