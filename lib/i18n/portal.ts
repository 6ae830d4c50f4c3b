import type { ProgressRating } from "@/lib/domain/sessions/schemas";

/** The family portal speaks the parent's language (English and Spanish at least). */
const en = {
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

const es: PortalText = {
  lang: "es",
  title: "Su familia",
  intro: "El apoyo que recibe su hijo o hija además de la clase, y a quién contactar.",
  noInterventions: "No hay apoyo adicional planificado por ahora.",
  grade: (g: string) => (g === "K" ? "Kínder" : `Grado ${g}`),
  tier: (t: number) => `Nivel ${t}`,
  schedule: "Horario",
  dates: "Fechas",
  goal: "Meta",
  contact: "Contacto",
  details: "Ver el plan",
  days: { MO: "lun", TU: "mar", WE: "mié", TH: "jue", FR: "vie", SA: "sáb", SU: "dom" },
  minutes: (m: number) => `${m} minutos`,
  at: "a las",
  letters: "Cartas y resúmenes",
  noLetters: "Todavía no hay cartas.",
  summaryPdf: "Descargar el resumen (PDF)",
  language: { label: "Idioma", en: "English", es: "Español" },
  home: {
    groups: "Grupos de apoyo",
    progressLink: (first: string) => `Ver el progreso de ${first}`,
    newestNotes: "Notas recientes del equipo",
    noNotes: "Todavía no se ha compartido ninguna nota con usted.",
    nextSessions: "Próximas sesiones",
    noNextSessions: "No hay sesiones planificadas.",
  },
  note: {
    from: (name: string) => `De ${name}`,
    nextSteps: "Próximos pasos",
    ratings: {
      exceeding: "Progresa más de lo esperado",
      expected: "Progresa lo esperado",
      some: "Progresa un poco",
      none: "Todavía no progresa",
    },
  },
  progress: {
    title: (name: string) => `Progreso de ${name}`,
    back: "Volver a su familia",
    intro:
      "Las mediciones y notas que el equipo comparte con usted, comparadas con la meta. El equipo revisa el progreso con regularidad y ajusta el apoyo cuando hace falta.",
    disclosures: (first: string) => `Quién ha visto los registros de ${first}`,
    requests: "Preguntar al equipo / pedir una corrección",
    status: {
      planned: "Empieza pronto",
      active: "En curso",
      completed: "Terminado",
      cancelled: "Cancelado",
    },
    left: (date: string) => `Dejó el grupo el ${date}`,
    noMeasures: "Todavía no se ha compartido con usted ninguna medición de este grupo.",
    latest: (first: string, measure: string, value: string, date: string) =>
      `La última medición de ${measure} de ${first} es ${value} (${date}).`,
    goal: (goal: string, date: string) => `La meta para el ${date} es ${goal}.`,
    standing: {
      ahead: (first: string) => `${first} va por delante del plan para alcanzarla.`,
      "on-track": (first: string) => `${first} va por buen camino.`,
      behind: (first: string) =>
        `${first} todavía no va al ritmo esperado. El equipo está viendo cómo ayudar; puede preguntarles.`,
      "too-early": (first: string) =>
        `Todavía es pronto para saber si ${first} va por buen camino: hacen falta algunas mediciones más.`,
      "no-goal": () => "Todavía no hay una meta numérica para esta medición.",
    },
    chart: {
      readings: "Mediciones",
      goalLine: "Línea hacia la meta",
      goal: "Meta",
      summary: (measure: string, count: number, latest: string) =>
        `${measure}: ${count === 1 ? "1 medición" : `${count} mediciones`}, la última ${latest}.`,
      legend: "Los puntos son las mediciones; la línea verde discontinua lleva a la meta.",
      legendNoGoal: "Los puntos son las mediciones.",
      table: "Las mediciones en una tabla",
      date: "Fecha",
      reading: "Medición",
    },
    notes: "Notas del equipo",
    noNotes: "Todavía no se ha compartido con usted ninguna nota de este grupo.",
  },
  evaluation: {
    heading: "Evaluación de educación especial",
    rights:
      "Usted puede pedir a la escuela que evalúe a su hijo o hija para educación especial en cualquier momento, aunque ya esté recibiendo apoyo adicional. La escuela debe responderle y le pedirá su consentimiento por escrito antes de comenzar una evaluación.",
    open: "Solicitar una evaluación",
    note: "¿Qué le gustaría que la escuela sepa? (opcional)",
    submit: "Enviar la solicitud",
    sending: "Enviando…",
    sent: "Su solicitud quedó registrada. El equipo de la escuela le responderá.",
    requested: (date: string) => `Usted lo pidió el ${date}.`,
    waiting: "Esperando la respuesta de la escuela.",
    answered: "La respuesta de la escuela",
  },
  backToChild: (first: string) => `Volver a la página de ${first}`,
  disclosures: {
    title: (first: string) => `Quién ha visto los registros de ${first}`,
    intro:
      "Cada vez que la escuela entregó los registros de su hijo o hija a alguien fuera de la escuela, o que otro servicio los leyó a través del sistema del distrito, aparece aquí: cuándo, quién los recibió y por qué (FERPA, 34 CFR 99.32). El personal de la escuela que trabaja con su hijo o hija lee los registros para ese trabajo; esas lecturas no aparecen.",
    print: "Imprimir esta lista",
    none: (first: string) =>
      `Nadie fuera de la escuela ha visto ni recibido los registros de ${first}.`,
    date: "Fecha",
    to: "Recibido por",
    purpose: "Motivo",
    what: "Qué",
    releasedBy: "Entregado por",
    kinds: {
      "compliance-export": "Una copia del expediente del estudiante",
      "referral-packet": "El expediente de remisión a educación especial",
    },
    otherKind: "Registros del estudiante",
    apiPurpose: "Leído por un servicio que el distrito conectó a su sistema",
    reads: (count: number) =>
      count === 1 ? "leído una vez ese día" : `leído ${count} veces ese día`,
    views: {
      profile: "perfil",
      progress: "progreso y notas",
      "intervention-history": "historial de apoyos",
      "intervention-notes": "notas de progreso",
      "note-history": "el historial de una nota",
      "tier-decision": "una decisión de nivel",
      "mtss-meeting": "las notas de una reunión del equipo",
      disclosures: "esta lista",
      communications: "mensajes a la familia",
      "family-requests": "preguntas y solicitudes",
    },
    otherView: "otros registros",
    questions: "¿Tiene alguna pregunta sobre esta lista?",
    ask: "Pregunte al equipo",
  },
  requests: {
    title: "Preguntas y solicitudes",
    intro: (first: string) =>
      `Haga una pregunta al equipo de ${first}, o pida a la escuela que corrija un registro. El equipo le responderá aquí.`,
    question: {
      heading: "Hacer una pregunta al equipo",
      field: "Su pregunta",
      submit: "Enviar la pregunta",
      sent: "Su pregunta fue enviada. El equipo le responderá aquí.",
    },
    amendment: {
      heading: "Pedir que se corrija un registro",
      rights:
        "Si usted cree que algo en los registros de su hijo o hija es incorrecto o engañoso, puede pedir a la escuela que lo corrija (FERPA, 34 CFR 99.20). Diga qué está mal y qué debería decir. La escuela le comunicará su decisión y, si no está de acuerdo, usted puede pedir una audiencia.",
      field: "Qué debe corregirse y por qué",
      submit: "Enviar la solicitud",
      sent: "Su solicitud quedó registrada. La escuela le responderá aquí.",
    },
    sending: "Enviando…",
    bodyError: "Escriba al menos 10 caracteres y no más de 2000.",
    failed: "No se envió nada. Revise lo que escribió e inténtelo de nuevo.",
    notSent:
      "No se envió nada. Vuelva a cargar la página e inténtelo de nuevo; si sigue fallando, comuníquese con la escuela.",
    evaluation: "Para pedir una evaluación de educación especial, use «Solicitar una evaluación»",
    evaluationLink: "en la página de su familia",
    yours: "Lo que usted preguntó",
    none: "Todavía no ha preguntado nada.",
    kinds: { question: "Pregunta", amendment: "Solicitud de corrección" },
    sentOn: (date: string) => `Enviado el ${date}`,
    waiting: "Esperando la respuesta del equipo.",
    answerFrom: (name: string | null, date: string) =>
      `${name ? `Respuesta de ${name}` : "La respuesta del equipo"}, ${date}`,
  },
};

export function portalText(locale: string): { text: PortalText; dateLocale: string } {
  return locale === "es" ? { text: es, dateLocale: "es-US" } : { text: en, dateLocale: "en-US" };
}
