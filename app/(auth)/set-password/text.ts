import {
  MIN_PASSWORD_LENGTH,
  NEW_ACCOUNT_LINK_DAYS,
  RESET_LINK_MINUTES,
} from "@/lib/domain/users/password-rules";

/** The password page speaks the account's language, like the e-mail that linked to it. */
export const SET_PASSWORD_TEXT = {
  en: {
    title: "Choose your password",
    forWhom: (name: string, email: string) =>
      `For ${name}, who signs in to NorthStar Interventions as ${email}.`,
    password: "New password",
    passwordHint: `At least ${MIN_PASSWORD_LENGTH} characters; a few words you will remember work well.`,
    passwordRule: `At least ${MIN_PASSWORD_LENGTH} characters (and at most 200).`,
    confirm: "The same password again",
    different: "The two passwords are not the same.",
    save: "Set my password",
    saving: "Saving…",
    done: "Your password is set.",
    signIn: (email: string) => `Sign in as ${email}`,
    invalid: "This link does not work. Ask your district's administrator for a new one.",
    expired: `This link has expired (a new account's link works for ${NEW_ACCOUNT_LINK_DAYS} days, a reset link for ${RESET_LINK_MINUTES} minutes). Ask for a new one with "Forgot your password?" on the sign-in page.`,
    used: 'This link was used already: your password is set. Sign in, or ask for a new link with "Forgot your password?".',
  },
  es: {
    title: "Elija su contraseña",
    forWhom: (name: string, email: string) =>
      `Para ${name}, que inicia sesión en NorthStar Interventions como ${email}.`,
    password: "Contraseña nueva",
    passwordHint: `Al menos ${MIN_PASSWORD_LENGTH} caracteres; unas palabras que pueda recordar sirven bien.`,
    passwordRule: `Al menos ${MIN_PASSWORD_LENGTH} caracteres (y como máximo 200).`,
    confirm: "La misma contraseña otra vez",
    different: "Las dos contraseñas no son iguales.",
    save: "Guardar mi contraseña",
    saving: "Guardando…",
    done: "Su contraseña está guardada.",
    signIn: (email: string) => `Iniciar sesión como ${email}`,
    invalid: "Este enlace no funciona. Pida uno nuevo al administrador de su distrito.",
    expired: `Este enlace ha vencido (el enlace de una cuenta nueva funciona ${NEW_ACCOUNT_LINK_DAYS} días; el de una contraseña olvidada, ${RESET_LINK_MINUTES} minutos). Pida uno nuevo con "¿Olvidó su contraseña?" en la página de inicio de sesión.`,
    used: 'Este enlace ya se usó: su contraseña está guardada. Inicie sesión, o pida un enlace nuevo con "¿Olvidó su contraseña?".',
  },
} as const;
