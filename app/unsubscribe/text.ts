/** The unsubscribe page speaks the guardian's language (English where it has no wording). */
export const UNSUBSCRIBE_TEXT = {
  en: {
    title: "Optional messages from the school",
    invalid: "This link is not valid. Please use the link in your e-mail, or contact the school.",
    expired: "This link has expired. Please contact the school to stop optional messages.",
    ready:
      "Optional messages are the ones the school does not have to send you, such as progress summaries and good news when your child finishes a group. If you confirm, no more optional messages will be e-mailed to you.",
    confirm: "Stop optional messages",
    done: (date: string) =>
      `Optional messages are stopped since ${date}. No more will be e-mailed to you.`,
    required:
      "Notices the school must send you, such as enrollment in an intervention, a change of tier, or the end of your child's support, will still come. You can still read every letter in the family portal.",
  },
  es: {
    title: "Mensajes opcionales de la escuela",
    invalid: "Este enlace no es válido. Use el enlace de su correo o comuníquese con la escuela.",
    expired:
      "Este enlace ha vencido. Comuníquese con la escuela para dejar de recibir mensajes opcionales.",
    ready:
      "Los mensajes opcionales son los que la escuela no está obligada a enviarle, como los resúmenes de progreso y las buenas noticias cuando su hijo o hija termina un grupo. Si lo confirma, no se le enviarán más mensajes opcionales por correo.",
    confirm: "Dejar de recibir mensajes opcionales",
    done: (date: string) =>
      `Los mensajes opcionales están detenidos desde el ${date}. No se le enviarán más por correo.`,
    required:
      "Los avisos que la escuela debe enviarle, como la inscripción en una intervención, un cambio de nivel o el fin del apoyo a su hijo o hija, le seguirán llegando. Puede seguir leyendo todas las cartas en el portal para familias.",
  },
} as const;
