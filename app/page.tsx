import { redirect } from "next/navigation";
import { isFamily } from "@/lib/domain/policy";
import { requireActor } from "@/lib/server/actor";

/** Each role has its own home: families the portal, staff their dashboard. */
export default async function Home() {
  const actor = await requireActor();
  redirect(isFamily(actor) ? "/portal" : "/dashboard");
}
