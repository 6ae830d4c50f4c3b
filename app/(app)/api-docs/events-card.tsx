/** The API reference's events: those published to NATS, and those consumed from other services. */

import { Card } from "@/components/ui/card";
import type { JsonSchema } from "@/lib/api/openapi";
import { DocsColumnHeads, Inline, schemaAnchor, TypeLabel } from "./schema-view";

export function EventsCard({
  published,
  consumed,
}: {
  published: { type: string; subject: string; summary: string }[];
  consumed: { type: string; subject: string; summary: string; data: JsonSchema }[];
}) {
  return (
    <Card className="space-y-4">
      <h2 id="events" className="text-lg font-semibold">
        Events
      </h2>
      <p className="text-sm text-slate-800">
        Published to NATS JetStream as CloudEvents 1.0 (structured JSON, header{" "}
        <code>Nats-Msg-Id</code> = event id) on the stream <code>NORTHSTAR_INTERVENTIONS</code>, and
        readable through <code>GET /api/v1/events</code>. Events about one student or one
        intervention arrive in the order they happened.
      </p>
      <table className="w-full text-left text-sm">
        <DocsColumnHeads columns={["Event", "Subject", "Meaning"]} />
        <tbody>
          {published.map((event) => (
            <tr key={event.type} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3">
                <a href={`#${schemaAnchor(event.type)}`} className="text-brand-700 underline">
                  {event.type}
                </a>
              </td>
              <td className="py-1 pr-3 font-mono text-xs">{event.subject}</td>
              <td className="py-1">
                <Inline text={event.summary} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="font-medium">Consumed from the district&apos;s other services</h3>
      <p className="text-sm text-slate-800">
        Send CloudEvents 1.0 JSON on the subjects below (JetStream). Each event id is applied once;
        a message that cannot be applied is parked with its reason after bounded retries.
      </p>
      {consumed.map((event) => (
        <div key={event.type} className="space-y-1">
          <h4 className="font-medium">
            {event.type} <span className="font-mono text-xs font-normal">{event.subject}</span>
          </h4>
          <p className="text-sm text-slate-700">{event.summary}</p>
          <TypeLabel schema={event.data} />
        </div>
      ))}
    </Card>
  );
}
