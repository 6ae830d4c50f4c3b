/** The opt-out page speaks the guardian's language, like the letter that linked to it. */
export const OPT_OUT_TEXT = {
  en: {
    title: "Taking part in an intervention",
    invalid: "This link is not valid. Please use the link in your letter, or contact the school.",
    expired: "This link has expired. Please contact the school or the person named in your letter.",
    notOffered:
      "Opting out online is not available for this district. Please contact the person named in your letter.",
    ready: (child: string, group: string) =>
      `If you confirm, ${child} will no longer take part in ${group}.`,
    schedule: "Schedule",
    dates: "Dates",
    confirm: "Confirm: my child will not take part",
    done: (child: string, date: string) =>
      `Your decision was recorded on ${date}. ${child}'s intervention team has been told and will follow up with you.`,
    evaluation:
      "Whatever you decide, you may ask for an evaluation of your child for special education services at any time.",
  },
  es: {
    title: "Participación en una intervención",
    invalid: "Este enlace no es válido. Use el enlace de su carta o comuníquese con la escuela.",
    expired:
      "Este enlace ha vencido. Comuníquese con la escuela o con la persona indicada en su carta.",
    notOffered:
      "En este distrito no es posible retirarse en línea. Comuníquese con la persona indicada en su carta.",
    ready: (child: string, group: string) =>
      `Si lo confirma, ${child} dejará de participar en ${group}.`,
    schedule: "Horario",
    dates: "Fechas",
    confirm: "Confirmar: mi hijo o hija no participará",
    done: (child: string, date: string) =>
      `Su decisión quedó registrada el ${date}. El equipo de intervención de ${child} ya fue informado y se comunicará con usted.`,
    evaluation:
      "Decida lo que decida, puede solicitar en cualquier momento una evaluación de su hijo o hija para servicios de educación especial.",
  },
} as const;
