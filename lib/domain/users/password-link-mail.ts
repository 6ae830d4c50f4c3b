import type { LetterLanguage } from "../letters/templates";
import { ROLE_LABELS, type Role } from "../policy/actor";

export interface PasswordLinkMailInput {
  language: LetterLanguage;
  name: string;
  email: string;
  role: Role;
  districtName: string;
  appUrl: string;
  /** The page to choose a password, or null when only the district's SSO can be offered. */
  link: string | null;
  /** A new account's link's last day, written as a date of the reader's language (a reset link works for an hour). */
  until: string;
  /** An admin gave the account (named), or the person asked for a new password. */
  why: { kind: "new-account"; by: string } | { kind: "reset" };
}

/** Spanish names of the roles, for a family's message (only parents get Spanish mail today). */
const ROLE_ES: Record<Role, string> = {
  specialist: "especialista de intervención",
  facilitator: "facilitador(a)",
  teacher: "maestro(a)",
  parent: "madre, padre o tutor(a)",
  admin: "administrador(a) del distrito",
};

/**
 * The e-mail that carries a password link, in the person's language. It says who gave the
 * access (or that someone asked for a new password, and that ignoring it is safe), the link
 * and its last day, and where to sign in; never anything about a student.
 */
export function passwordLinkMail(input: PasswordLinkMailInput): { subject: string; body: string } {
  const { name, email, districtName, appUrl, link, until, why } = input;
  if (input.language === "es") {
    const opening =
      why.kind === "new-account"
        ? `${why.by} le ha dado acceso a NorthStar Interventions de ${districtName}, como ${ROLE_ES[input.role]}.`
        : `Alguien pidió una contraseña nueva de NorthStar Interventions para ${email}. Si no fue usted, ignore este mensaje: su contraseña no cambia.`;
    const lasts = why.kind === "new-account" ? `hasta el ${until}` : "durante una hora";
    const choose = link
      ? `Elija su contraseña aquí. El enlace funciona una sola vez, ${lasts}:\n${link}`
      : "Inicie sesión con su cuenta del distrito.";
    return {
      subject:
        why.kind === "new-account"
          ? "Su cuenta de NorthStar Interventions"
          : "Su contraseña de NorthStar Interventions",
      body: `Estimado(a) ${name}:\n\n${opening}\n\n${choose}\n\nDespués inicie sesión en ${appUrl}/sign-in?lang=es con ${email}. Si no esperaba este mensaje, avise al administrador de su distrito.\n\n${districtName} · NorthStar Interventions`,
    };
  }
  const opening =
    why.kind === "new-account"
      ? `${why.by} has given you access to NorthStar Interventions for ${districtName}, as ${ROLE_LABELS[input.role].toLowerCase()}.`
      : `Someone asked for a new NorthStar Interventions password for ${email}. If it was not you, ignore this message: your password stays as it is.`;
  const lasts = why.kind === "new-account" ? `until ${until}` : "for one hour";
  const choose = link
    ? `Choose your password here. The link works once, ${lasts}:\n${link}`
    : "Sign in with your district account.";
  return {
    subject:
      why.kind === "new-account"
        ? "Your NorthStar Interventions account"
        : "Your NorthStar Interventions password",
    body: `Dear ${name},\n\n${opening}\n\n${choose}\n\nThen sign in at ${appUrl}/sign-in with ${email}. If you did not expect this message, tell your district's administrator.\n\n${districtName} · NorthStar Interventions`,
  };
}
