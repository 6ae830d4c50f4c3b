import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Fact, PacketGraph, ReferralPacketView } from "@/lib/domain/referrals/packet";
import { GRAPH_COLORS, Graph } from "./graph";

/**
 * The referral packet as a PDF (decision 0016): a cover page with the student and the parent's
 * rights, one page per intervention with its progress graph, then the tier decisions and the
 * letters sent to the family. The content is shaped in lib/domain/referrals/packet.ts, shared
 * with the print page; this file only lays it out.
 */

const COLORS = GRAPH_COLORS;

const styles = StyleSheet.create({
  page: {
    padding: 40,
    paddingBottom: 56,
    fontSize: 10,
    color: COLORS.ink,
    fontFamily: "Helvetica",
  },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  heading: { fontSize: 14, fontFamily: "Helvetica-Bold", marginTop: 10, marginBottom: 6 },
  subheading: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 8, marginBottom: 4 },
  paragraph: { marginBottom: 6, lineHeight: 1.4 },
  fact: { flexDirection: "row", marginBottom: 3 },
  factLabel: { width: 150, color: COLORS.muted },
  factValue: { flex: 1 },
  rightsBox: { borderWidth: 1, borderColor: COLORS.rule, padding: 10, marginTop: 12 },
  row: {
    flexDirection: "row",
    borderBottomWidth: 1,
    borderBottomColor: COLORS.rule,
    paddingVertical: 3,
  },
  cell: { flex: 1, paddingRight: 6 },
  wideCell: { flex: 3, paddingRight: 6 },
  legend: { flexDirection: "row", gap: 12, fontSize: 8, color: COLORS.muted, marginTop: 2 },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 40,
    right: 40,
    fontSize: 8,
    color: COLORS.muted,
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <View>
      {facts.map(([label, value]) => (
        <View key={label} style={styles.fact}>
          <Text style={styles.factLabel}>{label}</Text>
          <Text style={styles.factValue}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

function GraphBlock({ graph }: { graph: PacketGraph }) {
  return (
    <View wrap={false} style={{ marginTop: 8 }}>
      <Text style={styles.subheading}>Progress: {graph.measure}</Text>
      <Graph geometry={graph.geometry} />
      <View style={styles.legend}>
        <Text style={{ color: COLORS.score }}>Scores</Text>
        <Text style={{ color: COLORS.aim }}>Aim line (expected)</Text>
        <Text style={{ color: COLORS.trend }}>Trend line (actual)</Text>
      </View>
      <Facts
        facts={[
          ["Rate of improvement", graph.rateOfImprovement],
          ["Expected rate (aim line)", graph.expectedRate],
          ["Summary", graph.summary],
        ]}
      />
    </View>
  );
}

function Footer({ studentName }: { studentName: string }) {
  return (
    <View style={styles.footer} fixed>
      <Text>Confidential: special education referral for {studentName}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

export function ReferralPacketDocument({ packet }: { packet: ReferralPacketView }) {
  return (
    <Document
      title={packet.title}
      subject="Special education referral packet"
      creator="NorthStar Interventions"
    >
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.title}>{packet.title}</Text>
        <Text style={styles.paragraph}>{packet.intro}</Text>
        <Facts facts={packet.studentFacts} />
        <View style={styles.rightsBox}>
          <Text style={styles.subheading}>{packet.rights.heading}</Text>
          {packet.rights.paragraphs.map((p) => (
            <Text key={p} style={styles.paragraph}>
              {p}
            </Text>
          ))}
        </View>
        <Text style={styles.heading}>Requests for evaluation on record</Text>
        {packet.evaluationRequests.length === 0 ? (
          <Text>None recorded.</Text>
        ) : (
          packet.evaluationRequests.map((r) => (
            <Text key={`${r.date}${r.text}`} style={styles.paragraph}>
              {r.date}: {r.text}
            </Text>
          ))
        )}
        <Footer studentName={packet.studentName} />
      </Page>
      {packet.interventions.map((intervention) => (
        <Page key={intervention.interventionId} size="LETTER" style={styles.page}>
          <Text style={styles.title}>{intervention.name}</Text>
          <Facts facts={intervention.facts} />
          {intervention.graphs.map((graph) => (
            <GraphBlock key={graph.measure} graph={graph} />
          ))}
          <Footer studentName={packet.studentName} />
        </Page>
      ))}
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.title}>Tier decisions</Text>
        {packet.decisions.length === 0 ? <Text>No tier decision recorded.</Text> : null}
        {packet.decisions.map((d) => (
          <View
            key={`${d.date}${d.decision}${d.justification}`}
            wrap={false}
            style={{ marginBottom: 8 }}
          >
            <Text style={styles.subheading}>
              {d.date}: {d.decision}
            </Text>
            <Text style={styles.paragraph}>Justification: {d.justification}</Text>
            {d.details ? <Text style={{ color: COLORS.muted }}>{d.details}</Text> : null}
          </View>
        ))}
        <Text style={styles.heading}>Letters sent to the family</Text>
        {packet.letters.length === 0 ? (
          <Text>No letter sent.</Text>
        ) : (
          <View>
            <View style={styles.row} fixed={false}>
              <Text style={styles.cell}>Date</Text>
              <Text style={styles.cell}>Kind</Text>
              <Text style={styles.cell}>Language</Text>
              <Text style={styles.cell}>Delivery</Text>
              <Text style={styles.wideCell}>Subject</Text>
            </View>
            {packet.letters.map((l) => (
              <View key={l.id} style={styles.row} wrap={false}>
                <Text style={styles.cell}>{l.date}</Text>
                <Text style={styles.cell}>{l.kind}</Text>
                <Text style={styles.cell}>{l.language}</Text>
                <Text style={styles.cell}>{l.status}</Text>
                <Text style={styles.wideCell}>{l.subject}</Text>
              </View>
            ))}
          </View>
        )}
        <Footer studentName={packet.studentName} />
      </Page>
    </Document>
  );
}
