import { notFound } from "next/navigation";
import type { Actor } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import type { UseCaseContext } from "@/lib/use-cases/context";

/**
 * The viewer and the record of an administration detail page (/admin/…/[id]). A viewer the
 * predicate refuses, an address that is no id, or a record the use-case does not find is the
 * 404 page, as the API answers 404.
 */
export async function adminRecord<T>(
  params: Promise<{ id: string }>,
  may: (actor: Actor) => boolean,
  load: (ctx: UseCaseContext, id: string) => Promise<T>,
): Promise<{ actor: Actor; id: string; record: T }> {
  const actor = await requireActor();
  if (!may(actor)) notFound();
  const id = idParam((await params).id);
  return { actor, id, record: await orNotFound(load(contextFor(actor), id)) };
}
