import { ICS_CONTENT_TYPE } from "@/lib/domain/calendar/ics";
import { apiRoute } from "@/lib/server/route";
import { resourceId } from "@/lib/server/route-input";
import { getInterventionCalendar } from "@/lib/use-cases/calendar/get-intervention-calendar";

/** The group's sessions as one iCalendar series (rule, exceptions, district time zone). */
export const GET = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { filename, ics } = await getInterventionCalendar(
    ctx,
    resourceId(params.id, "Intervention"),
  );
  return new Response(ics, {
    headers: {
      "content-type": ICS_CONTENT_TYPE,
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
});
