/** The family portal speaks the parent's language (English and Spanish at least). */
const en = {
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
  letters: "Letters to you",
  noLetters: "No letters yet.",
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
};

export type PortalText = typeof en;

const es: PortalText = {
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
  letters: "Cartas para usted",
  noLetters: "Todavía no hay cartas.",
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
};

export function portalText(locale: string): { text: PortalText; dateLocale: string } {
  return locale === "es" ? { text: es, dateLocale: "es-US" } : { text: en, dateLocale: "en-US" };
}
