import type { ResourceRow } from "@/db/queries/resources";
import type { CostModel, ResourceKind } from "@/lib/domain/scheduling/kinds";

/** The API's Resource (lib/api/schemas/resources.ts): one item of the district's catalogue. */
export interface ResourceDto {
  id: string;
  kind: ResourceKind;
  name: string;
  description: string | null;
  quantity: number;
  location: string | null;
  schoolId: string | null;
  schoolName: string | null;
  costModel: CostModel;
  purchaseCents: number | null;
  usefulLifeYears: number | null;
  licenceCentsPerStudentYear: number | null;
  perUseCents: number | null;
  retiredAt: string | null;
  createdAt: string;
}

export function toResourceDto(row: NonNullable<ResourceRow>): ResourceDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    quantity: row.quantity,
    location: row.location,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    costModel: row.costModel,
    purchaseCents: row.purchaseCents,
    usefulLifeYears: row.usefulLifeYears,
    licenceCentsPerStudentYear: row.licenceCentsPerStudentYear,
    perUseCents: row.perUseCents,
    retiredAt: row.retiredAt ? row.retiredAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
