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
};

export function portalText(locale: string): { text: PortalText; dateLocale: string } {
  return locale === "es" ? { text: es, dateLocale: "es-US" } : { text: en, dateLocale: "en-US" };
}
