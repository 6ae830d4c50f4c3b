import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { getResourceAdmin } from "@/lib/use-cases/resources/resource-admin";
import { AdminPageHeader } from "../admin-page-header";
import {
  createResourceAction,
  retireResourceAction,
  saveStaffCostsAction,
  updateResourceAction,
} from "./actions";
import { ResourceCatalogue } from "./resource-catalogue";
import { StaffCostForm } from "./staff-cost-form";

export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesAdminPage() {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const { resources, schools, rooms, staffCosts } = await getResourceAdmin(contextFor(actor));
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Resources">
        The district's curriculum, materials and equipment, how many can be in use at once, where
        they are and what they cost; the rooms; and the staff rates group budgets are priced at. A
        group's sessions hold the resources it needs; a pool never lends more units at once than it
        has. See how much each is used in the{" "}
        <TextLink href="/reports/resources">utilization report</TextLink>.
      </AdminPageHeader>
      <ResourceCatalogue
        resources={resources}
        schools={schools}
        create={createResourceAction}
        update={updateResourceAction}
        retire={retireResourceAction}
      />
      <StaffCostForm current={staffCosts} action={saveStaffCostsAction} />
      <Card>
        <h2 className="text-lg font-semibold">Rooms ({rooms.length})</h2>
        <DataTable
          caption="The district's rooms"
          columns={["Room", "School", "Capacity"]}
          headCellClassName="py-2 pr-3"
        >
          {rooms.map((room) => (
            <DataRow key={room.id}>
              <td className="py-2 pr-3 font-medium">{room.name}</td>
              <td className="py-2 pr-3">{room.schoolName}</td>
              <td className="py-2 pr-3">{room.capacity ?? "—"}</td>
            </DataRow>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
