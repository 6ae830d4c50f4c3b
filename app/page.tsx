import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/actor";

/** Each role has its own home: families the portal, staff their dashboard. */
export default async function Home() {
  const actor = await requireActor();
  redirect(actor.role === "parent" ? "/portal" : "/dashboard");
}
