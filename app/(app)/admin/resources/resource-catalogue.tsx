"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { FormOutcome } from "@/components/ui/form-outcome";
import { formatCents } from "@/lib/domain/scheduling/money";
import type { ActionResult } from "@/lib/server/action";
import type { ResourceDto } from "@/lib/use-cases/resources/resource-dto";
import { KIND_LABELS } from "./labels";
import { ResourceForm } from "./resource-form";

type Save = (values: unknown) => Promise<ActionResult<ResourceDto>>;
type SaveOne = (values: unknown, id: string) => Promise<ActionResult<ResourceDto>>;

/** What a resource costs, in words: the model's own prices. */
function costText(r: ResourceDto): string {
  switch (r.costModel) {
    case "purchase":
      return `${formatCents(r.purchaseCents ?? 0)} each, over ${r.usefulLifeYears ?? 1} year${r.usefulLifeYears === 1 ? "" : "s"}`;
    case "licence":
      return `${formatCents(r.licenceCentsPerStudentYear ?? 0)} per student per year`;
    case "consumable":
      return `${formatCents(r.perUseCents ?? 0)} per use`;
    case "none":
      return "No cost";
  }
}

/** The catalogue's table, with an edit form under the row being changed and one to add. */
export function ResourceCatalogue({
  resources,
  schools,
  create,
  update,
  retire,
}: {
  resources: readonly ResourceDto[];
  schools: readonly { id: string; name: string }[];
  create: Save;
  update: SaveOne;
  retire: SaveOne;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  const retireOne = async (resource: ResourceDto) => {
    const result = await retire({}, resource.id);
    setOutcome(
      result.ok
        ? { ok: true, text: `${resource.name} is retired: new groups no longer see it.` }
        : { ok: false, text: result.message },
    );
    router.refresh();
  };
  const editingResource = resources.find((r) => r.id === editing) ?? null;

  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold">Catalogue ({resources.length})</h2>
        <FormOutcome message={outcome} className="text-sm" />
        <DataTable
          caption="The district's resources"
          columns={["Name", "Kind", "Quantity", "Location", "School", "Cost", ""]}
          headCellClassName="py-2 pr-3"
          data-testid="resource-catalogue"
        >
          {resources.map((r) => (
            <DataRow key={r.id}>
              <td className="py-2 pr-3 font-medium">
                {r.name}
                {r.retiredAt ? (
                  <span className="ml-2 text-xs text-slate-600">(retired)</span>
                ) : null}
                {r.description ? (
                  <span className="block text-xs text-slate-600">{r.description}</span>
                ) : null}
              </td>
              <td className="py-2 pr-3">{KIND_LABELS[r.kind]}</td>
              <td className="py-2 pr-3">{r.quantity}</td>
              <td className="py-2 pr-3">{r.location ?? "—"}</td>
              <td className="py-2 pr-3">{r.schoolName ?? "District-wide"}</td>
              <td className="py-2 pr-3">{costText(r)}</td>
              <td className="flex gap-2 py-2">
                <Button type="button" variant="secondary" onClick={() => setEditing(r.id)}>
                  Edit<span className="sr-only"> {r.name}</span>
                </Button>
                {r.retiredAt ? null : (
                  <Button type="button" variant="ghost" onClick={() => retireOne(r)}>
                    Retire<span className="sr-only"> {r.name}</span>
                  </Button>
                )}
              </td>
            </DataRow>
          ))}
        </DataTable>
      </Card>
      {editingResource ? (
        <Card>
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-lg font-semibold">Change {editingResource.name}</h2>
            <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
              Close
            </Button>
          </div>
          <ResourceForm
            key={editingResource.id}
            resource={editingResource}
            schools={schools}
            create={create}
            update={update}
            onDone={done}
          />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Add a resource</h2>
        <ResourceForm
          resource={null}
          schools={schools}
          create={create}
          update={update}
          onDone={done}
        />
      </Card>
    </>
  );
}
