import type { CostModel, ResourceKind } from "@/lib/domain/scheduling/kinds";

export const KIND_LABELS: Record<ResourceKind, string> = {
  curriculum: "Curriculum",
  material: "Materials",
  equipment: "Equipment",
};

export const COST_MODEL_LABELS: Record<CostModel, string> = {
  purchase: "Bought once (amortised over its life)",
  licence: "Licence per student per year",
  consumable: "Consumable, per use",
  none: "No cost",
};
