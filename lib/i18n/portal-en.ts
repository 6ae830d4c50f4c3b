import type { ProgressRating } from "@/lib/domain/sessions/schemas";

/** The family portal speaks the parent's language (English and Spanish at least). */
export const en = {
  /** The language the words below are in: the `lang` of the portal's pages. */
  lang: "en",
  title: "Your family",
  intro: "Support your child receives beyond the classroom, and who to contact.",
  noInterventions: "No extra support is planned right now.",
  grade: (g: string) => (g === "K" ? "Kindergarten" : `Grade ${g}`),
  tier: (t: number) => `Tier ${t}`,
  schedule: "Schedule",
  dates: "Dates",
  goal: "Goal",
  contact: "Contact",
  details: "See the plan",
  days: { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" },
  minutes: (m: number) => `${m} minutes`,
  at: "at",
  letters: "Letters and summaries",
  noLetters: "No letters yet.",
  summaryPdf: "Download the summary (PDF)",
  /** The switch on every portal page; each language is named in itself. */
  language: { label: "Language", en: "English", es: "Español" },
  home: {
    groups: "Support groups",
    progressLink: (first: string) => `See ${first}'s progress`,
    newestNotes: "Newest notes from the team",
    noNotes: "No notes have been shared with you yet.",
    nextSessions: "Next sessions",
    noNextSessions: "No sessions are planned.",
  },
  note: {
    from: (name: string) => `From ${name}`,
    nextSteps: "Next steps",
    ratings: {
      exceeding: "Exceeding expected progress",
      expected: "Making expected progress",
      some: "Making some progress",
      none: "Not making progress yet",
    } satisfies Record<ProgressRating, string>,
  },
  progress: {
    title: (name: string) => `${name}: progress`,
    back: "Back to your family",
    intro:
      "The readings and notes the team shares with you, measured against the goal. The team checks progress regularly and adjusts the support when needed.",
    disclosures: (first: string) => `Who has seen ${first}'s records`,
    requests: "Ask the team / request a correction",
    status: {
      planned: "Starts soon",
      active: "Under way",
      completed: "Ended",
      cancelled: "Cancelled",
    },
    left: (date: string) => `Left the group on ${date}`,
    noMeasures: "No measured readings have been shared with you for this group yet.",
    latest: (first: string, measure: string, value: string, date: string) =>
      `${first}'s latest ${measure} reading is ${value} (${date}).`,
    goal: (goal: string, date: string) => `The goal by ${date} is ${goal}.`,
    standing: {
      ahead: (first: string) => `${first} is ahead of the plan to reach it.`,
      "on-track": (first: string) => `${first} is on track.`,
      behind: (first: string) =>
        `${first} is not on track yet. The team is looking at how to help; you can ask them about it.`,
      "too-early": (first: string) =>
        `It is too early to say whether ${first} is on track: a few more readings are needed.`,
      "no-goal": () => "No number goal is set for this reading yet.",
    },
    chart: {
      readings: "Readings",
      goalLine: "Goal line",
      goal: "Goal",
      summary: (measure: string, count: number, latest: string) =>
        `${measure}: ${count === 1 ? "1 reading" : `${count} readings`}, latest ${latest}.`,
      legend: "The dots are the readings; the dashed green line leads to the goal.",
      legendNoGoal: "The dots are the readings.",
      table: "The readings as a table",
      date: "Date",
      reading: "Reading",
    },
    notes: "Notes from the team",
    noNotes: "No notes have been shared with you for this group yet.",
  },
  evaluation: {
    heading: "Special education evaluation",
    rights:
      "You may ask the school to evaluate your child for special education at any time, even while your child is receiving extra help. The school must answer you, and it asks for your written consent before an evaluation begins.",
    open: "Request an evaluation",
    note: "What would you like the school to know? (optional)",
    submit: "Send the request",
    sending: "Sending…",
    sent: "Your request was recorded. The school's team will answer you.",
    requested: (date: string) => `You asked on ${date}.`,
    waiting: "Waiting for the school's answer.",
    answered: "The school's answer",
  },
  /** The way back from a child's disclosure log and requests to the child's page. */
  backToChild: (first: string) => `Back to ${first}'s page`,
  disclosures: {
    title: (first: string) => `Who has seen ${first}'s records`,
    intro:
      "Each time the school gave your child's records to someone outside the school, or another service read them through the district's system, it is listed here: when, who received them and why (FERPA, 34 CFR 99.32). The school staff who work with your child read the records for that work; their reading is not listed.",
    print: "Print this list",
    none: (first: string) => `No one outside the school has seen or received ${first}'s records.`,
    date: "Date",
    to: "Received by",
    purpose: "Purpose",
    what: "What",
    releasedBy: "Released by",
    kinds: {
      "compliance-export": "A copy of the student's record",
      "referral-packet": "The special education referral packet",
    },
    otherKind: "Student records",
    apiPurpose: "Read by a service the district connected to its system",
    reads: (count: number) => (count === 1 ? "read once that day" : `read ${count} times that day`),
    views: {
      profile: "profile",
      progress: "progress and notes",
      "intervention-history": "support history",
      "intervention-notes": "progress notes",
      "note-history": "a note's history",
      "tier-decision": "a tier decision",
      "mtss-meeting": "a team meeting's notes",
      disclosures: "this list",
      communications: "messages to the family",
      "family-requests": "questions and requests",
    },
    otherView: "other records",
    questions: "A question about this list?",
    ask: "Ask the team",
  },
  requests: {
    title: "Questions and requests",
    intro: (first: string) =>
      `Ask ${first}'s team a question, or ask the school to correct a record. The team answers you here.`,
    question: {
      heading: "Ask the team a question",
      field: "Your question",
      submit: "Send the question",
      sent: "Your question was sent. The team will answer you here.",
    },
    amendment: {
      heading: "Ask to correct a record",
      rights:
        "If you believe something in your child's records is wrong or misleading, you may ask the school to correct it (FERPA, 34 CFR 99.20). Say what is wrong and what it should say. The school will tell you its decision, and if it does not agree you may ask for a hearing.",
      field: "What should be corrected, and why",
      submit: "Send the request",
      sent: "Your request was recorded. The school will answer you here.",
    },
    sending: "Sending…",
    bodyError: "Write at least 10 characters, and no more than 2000.",
    failed: "Nothing was sent. Check what you wrote and try again.",
    notSent:
      "Nothing was sent. Reload the page and try again; if it keeps failing, contact the school.",
    evaluation: "To ask for a special education evaluation, use “Request an evaluation”",
    evaluationLink: "on your family page",
    yours: "What you asked",
    none: "You have not asked anything yet.",
    kinds: { question: "Question", amendment: "Correction request" },
    sentOn: (date: string) => `Sent on ${date}`,
    waiting: "Waiting for the team's answer.",
    answerFrom: (name: string | null, date: string) =>
      `${name ? `Answer from ${name}` : "The team's answer"}, ${date}`,
  },
};

export type PortalText = typeof en;
