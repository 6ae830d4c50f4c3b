import { createReadStream } from "node:fs";
import { ValidationError } from "@/lib/domain/errors";
import { z } from "@/lib/domain/zod";
import { apiRoute } from "@/lib/server/route";
import { saveUploads } from "@/lib/server/uploads";
import { assertWorksWithScreening } from "@/lib/use-cases/access";
import { importAssessmentResults } from "@/lib/use-cases/imports/import-assessment-results";
import { importStream } from "../../imports/import-stream";

const assessmentChoice = z.union([z.literal(""), z.uuid()]).nullish();

/** The assessments page's upload: a results CSV, optionally for one chosen assessment. */
export const POST = apiRoute(
  async ({ ctx, request }) => {
    assertWorksWithScreening(ctx.actor);
    const upload = await saveUploads(request);
    const file = upload.files[0] as string;
    const chosen = assessmentChoice.safeParse(upload.form.get("assessmentId"));
    if (!chosen.success || upload.files.length > 1) {
      await upload.remove();
      throw new ValidationError([
        {
          path: "files",
          message: "Upload one results CSV and, if you like, choose its assessment.",
        },
      ]);
    }
    return importStream(
      (onProgress) =>
        importAssessmentResults(
          ctx,
          { name: upload.names[0] ?? "results.csv", open: () => createReadStream(file) },
          { assessmentId: chosen.data || undefined, onProgress },
        ),
      upload.remove,
    );
  },
  { accepts: "multipart/form-data" },
);
