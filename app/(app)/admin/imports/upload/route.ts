import { ForbiddenError } from "@/lib/domain/errors";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { apiRoute } from "@/lib/server/route";
import { saveUploads } from "@/lib/server/uploads";
import { importOneRoster } from "@/lib/use-cases/imports/import-oneroster";
import { importStream } from "../import-stream";

/** The admin page's upload: one OneRoster zip, or the bundle's CSV files chosen together. */
export const POST = apiRoute(
  async ({ ctx, request }) => {
    // Checked before the upload is read, as well as by the use-case.
    if (!isDistrictAdmin(ctx.actor))
      throw new ForbiddenError("Only district admins import rosters.");
    const upload = await saveUploads(request);
    const single = upload.files.length === 1 && upload.files[0]?.toLowerCase().endsWith(".zip");
    const bundle = await openBundle(single ? (upload.files[0] as string) : upload.dir, {
      name: single ? upload.names[0] : `${upload.files.length} CSV files`,
      onClose: upload.remove,
    }).catch(async (error: unknown) => {
      await upload.remove();
      throw error;
    });
    return importStream(
      (onProgress) => importOneRoster(ctx, bundle, { onProgress }),
      () => bundle.close(),
    );
  },
  { accepts: "multipart/form-data" },
);
