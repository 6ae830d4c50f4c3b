import type { Fact, ReferralPacketView } from "@/lib/domain/referrals/packet";
import { PacketGraph } from "./graph";

function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The referral packet as a printable page: the same sections as the PDF, from the same shaped
 * data (lib/domain/referrals/packet.ts); each intervention starts a new printed page.
 */
export function ReferralPacket({ packet }: { packet: ReferralPacketView }) {
  return (
    <article className="space-y-8 print:space-y-0" data-testid="referral-packet">
      <section className="space-y-3 print:break-after-page">
        <h1 className="text-2xl font-bold">{packet.title}</h1>
        <p className="text-slate-700">{packet.intro}</p>
        <Facts facts={packet.studentFacts} />
        <div className="rounded-md border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">{packet.rights.heading}</h2>
          {packet.rights.paragraphs.map((p) => (
            <p key={p} className="mt-2">
              {p}
            </p>
          ))}
        </div>
        <h2 className="text-lg font-semibold">Requests for evaluation on record</h2>
        {packet.evaluationRequests.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul className="list-disc pl-5">
            {packet.evaluationRequests.map((r) => (
              <li key={`${r.date}${r.text}`}>
                {r.date}: {r.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      {packet.interventions.map((intervention) => (
        <section
          key={intervention.interventionId}
          className="space-y-3 border-t border-slate-200 pt-6 print:break-after-page print:border-0"
          data-testid="packet-intervention"
        >
          <h2 className="text-xl font-bold">{intervention.name}</h2>
          <Facts facts={intervention.facts} />
          {intervention.graphs.map((graph) => (
            <figure key={graph.measure} className="space-y-2 break-inside-avoid">
              <figcaption className="font-semibold">Progress: {graph.measure}</figcaption>
              <PacketGraph geometry={graph.geometry} title={`Progress graph: ${graph.measure}`} />
              <p className="flex gap-4 text-xs">
                <span className="text-blue-700">● Scores</span>
                <span className="text-green-700">- - Aim line (expected)</span>
                <span className="text-amber-700">— Trend line (actual)</span>
              </p>
              <Facts
                facts={[
                  ["Rate of improvement", graph.rateOfImprovement],
                  ["Expected rate (aim line)", graph.expectedRate],
                  ["Summary", graph.summary],
                ]}
              />
            </figure>
          ))}
        </section>
      ))}
      <section className="space-y-3 border-t border-slate-200 pt-6 print:border-0">
        <h2 className="text-xl font-bold">Tier decisions</h2>
        {packet.decisions.length === 0 ? <p>No tier decision recorded.</p> : null}
        <ol className="space-y-3">
          {packet.decisions.map((d) => (
            <li key={`${d.date}${d.decision}${d.justification}`} className="break-inside-avoid">
              <p className="font-semibold">
                {d.date}: {d.decision}
              </p>
              <p>Justification: {d.justification}</p>
              {d.details ? <p className="text-sm text-slate-600">{d.details}</p> : null}
            </li>
          ))}
        </ol>
        <h2 className="text-xl font-bold">Letters sent to the family</h2>
        {packet.letters.length === 0 ? (
          <p>No letter sent.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th className="py-1 pr-3">Date</th>
                <th className="py-1 pr-3">Kind</th>
                <th className="py-1 pr-3">Language</th>
                <th className="py-1 pr-3">Delivery</th>
                <th className="py-1 pr-3">Subject</th>
              </tr>
            </thead>
            <tbody>
              {packet.letters.map((l) => (
                <tr key={l.id} className="border-b border-slate-100">
                  <td className="py-1 pr-3">{l.date}</td>
                  <td className="py-1 pr-3">{l.kind}</td>
                  <td className="py-1 pr-3">{l.language}</td>
                  <td className="py-1 pr-3">{l.status}</td>
                  <td className="py-1 pr-3">{l.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
