/**
 * The pages before sign-in (sign-in, forgot password) in English and Spanish. Nobody is known
 * yet, so the language comes from the address (`?lang=`, which e-mails to Spanish-speaking
 * families carry) or else from the browser's first preference.
 */
export type AuthLanguage = "en" | "es";

export function authLanguage(lang: unknown, acceptLanguage: string | null): AuthLanguage {
  if (lang === "es" || lang === "en") return lang;
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("es") ? "es" : "en";
}

export const AUTH_TEXT = {
  en: {
    intro: "Sign in to plan, run and follow interventions.",
    email: "E-mail address",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    missing: "Enter your e-mail address and password.",
    mismatch: "That e-mail address and password do not match an active account.",
    locked: (minutes: number) =>
      `Too many tries with this e-mail address. For the account's safety, signing in with a password is paused for ${minutes === 1 ? "1 minute" : `${minutes} minutes`}. Try again then, or use "Forgot your password?".`,
    orPassword: "or with your password",
    withSso: (name: string) => `Sign in with ${name}`,
    notProvisioned:
      "Your district account is not set up in NorthStar yet. Ask your district admin.",
    forgot: "Forgot your password?",
    forgotIntro:
      "We e-mail you a link to choose a new one. Accounts that sign in with the district account keep doing so.",
    sendLink: "E-mail me a link",
    sending: "Sending…",
    invalidEmail: "Enter the e-mail address you sign in with.",
    sent: (email: string) =>
      `If ${email} has a NorthStar account, a link to choose a new password is on its way. It works once, for one hour. Nothing arrived? Check the spam folder, or ask your district's administrator.`,
    linkPaused: (minutes: number) =>
      `Too many links were asked for this e-mail address. To keep its inbox safe, no more are sent for ${minutes === 1 ? "1 minute" : `${minutes} minutes`}. If a link already arrived, it still works.`,
    backToSignIn: "Back to sign in",
    otherLanguage: { lang: "es", label: "Español" },
  },
  es: {
    intro: "Inicie sesión para ver el apoyo que recibe su hijo o hija.",
    email: "Correo electrónico",
    password: "Contraseña",
    signIn: "Iniciar sesión",
    signingIn: "Iniciando sesión…",
    missing: "Escriba su correo electrónico y su contraseña.",
    mismatch: "Ese correo electrónico y esa contraseña no corresponden a una cuenta activa.",
    locked: (minutes: number) =>
      `Demasiados intentos con este correo electrónico. Para proteger la cuenta, el inicio de sesión con contraseña queda en pausa durante ${minutes === 1 ? "1 minuto" : `${minutes} minutos`}. Vuelva a intentarlo después o use "¿Olvidó su contraseña?".`,
    orPassword: "o con su contraseña",
    withSso: (name: string) => `Iniciar sesión con ${name}`,
    notProvisioned:
      "Su cuenta del distrito todavía no está configurada en NorthStar. Consulte al administrador del distrito.",
    forgot: "¿Olvidó su contraseña?",
    forgotIntro:
      "Le enviamos por correo un enlace para elegir una nueva. Las cuentas que inician sesión con la cuenta del distrito siguen haciéndolo así.",
    sendLink: "Enviarme un enlace",
    sending: "Enviando…",
    invalidEmail: "Escriba el correo electrónico con el que inicia sesión.",
    sent: (email: string) =>
      `Si ${email} tiene una cuenta de NorthStar, le enviamos un enlace para elegir una contraseña nueva. Funciona una vez, durante una hora. ¿No llegó? Revise la carpeta de correo no deseado o consulte al administrador de su distrito.`,
    linkPaused: (minutes: number) =>
      `Se pidieron demasiados enlaces para este correo electrónico. Para proteger su bandeja de entrada, no se envían más durante ${minutes === 1 ? "1 minuto" : `${minutes} minutos`}. Si ya llegó un enlace, sigue funcionando.`,
    backToSignIn: "Volver a iniciar sesión",
    otherLanguage: { lang: "en", label: "English" },
  },
} as const;
