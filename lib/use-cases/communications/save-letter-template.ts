import { appendAudit } from "@/db/queries/audit";
import { saveTemplate } from "@/db/queries/communications/templates";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError, ValidationError } from "@/lib/domain/errors";
import type { LetterTemplateInput } from "@/lib/domain/letters/schemas";
import { templateProblems } from "@/lib/domain/letters/templates";
import { canEditLetters } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A district admin's wording of a letter. Each save is a new version; letters already written
 * keep the version they were written from (communications.template_version).
 */
export async function saveLetterTemplate(ctx: UseCaseContext, input: LetterTemplateInput) {
  if (!canEditLetters(ctx.actor)) throw new ForbiddenError("Only district admins edit letters.");
  const problems = templateProblems(input, input.kind);
  if (problems.length > 0)
    throw new ValidationError(problems, "The letter cannot be saved as it is.");
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const row = await saveTemplate(tx, ctx.actor.tenantId, {
      ...input,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "letter-template.saved",
        entityType: "message_template",
        entityId: row.id,
        after: {
          kind: row.kind,
          language: row.language,
          version: row.version,
          subject: row.subject,
          body: row.body,
        },
      },
    ]);
    return { version: row.version };
  });
}
