import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { SummaryContent, SummaryGroup } from "@/lib/domain/families/progress-summary";
import { summaryParts } from "@/lib/domain/families/progress-summary";
import { graphGeometry } from "@/lib/domain/referrals/chart";
import { GRAPH_COLORS, Graph } from "./graph";

/**
 * A family's progress summary as a PDF (issue 13, point 1): the letter's words from
 * lib/domain/families/progress-summary.ts, with a small graph per group of the child's scores
 * against the goal. The letter and the PDF say the same, in the guardian's language.
 */

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 11, color: GRAPH_COLORS.ink, fontFamily: "Helvetica" },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 10 },
  heading: { fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4 },
  paragraph: { marginBottom: 6, lineHeight: 1.4 },
  legend: { flexDirection: "row", gap: 12, fontSize: 8, color: GRAPH_COLORS.muted },
});

const GOAL_WORDS = { en: "Goal", es: "Meta" } as const;
const SCORE_WORDS = { en: "Scores", es: "Resultados" } as const;

/** The child's scores in the group against a flat line at the goal, up to the goal's date. */
function GoalGraph({ group, content }: { group: SummaryGroup; content: SummaryContent }) {
  const { measure } = group;
  const first = group.scores[0];
  if (!measure || !first) return null;
  const goalLine =
    measure.goal === null
      ? null
      : {
          from: { date: first.date, value: measure.goal },
          to: { date: measure.goalBy, value: measure.goal },
        };
  const geometry = graphGeometry(
    {
      startDate: first.date,
      endDate: measure.goalBy,
      scores: group.scores,
      aimLine: goalLine,
      trendLine: null,
      goal: measure.goal,
    },
    420,
    150,
  );
  return (
    <View wrap={false} style={{ marginTop: 4, marginBottom: 6 }}>
      <Graph geometry={geometry} />
      <View style={styles.legend}>
        <Text style={{ color: GRAPH_COLORS.score }}>{SCORE_WORDS[content.language]}</Text>
        {goalLine ? (
          <Text style={{ color: GRAPH_COLORS.aim }}>{GOAL_WORDS[content.language]}</Text>
        ) : null}
      </View>
    </View>
  );
}

export function ProgressSummaryDocument({ content }: { content: SummaryContent }) {
  const parts = summaryParts(content);
  return (
    <Document title={parts.subject} language={content.language}>
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.title}>
          {content.studentFirstName} {content.studentLastName} · {content.period.name}
        </Text>
        <Text style={styles.paragraph}>{parts.greeting}</Text>
        <Text style={styles.paragraph}>{parts.opening}</Text>
        {parts.groups.map(({ name, lines, group }) => (
          <View key={name}>
            <Text style={styles.heading}>{name}</Text>
            <GoalGraph group={group} content={content} />
            {lines.map((line) => (
              <Text key={line} style={styles.paragraph}>
                {line}
              </Text>
            ))}
          </View>
        ))}
        {parts.none ? <Text style={styles.paragraph}>{parts.none}</Text> : null}
        {parts.closing.map((line) => (
          <Text key={line} style={styles.paragraph}>
            {line}
          </Text>
        ))}
      </Page>
    </Document>
  );
}
