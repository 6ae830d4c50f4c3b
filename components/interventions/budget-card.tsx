import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { Budget, BudgetIngredient } from "@/lib/domain/scheduling/budget";
import { formatCents } from "@/lib/domain/scheduling/money";

const INGREDIENT_LABELS: Record<BudgetIngredient, string> = {
  staff: "Staff time",
  licence: "Licence",
  consumable: "Consumables",
  equipment: "Equipment",
  free: "No cost",
};

const perText = (cents: number | null) => (cents === null ? "—" : formatCents(cents));

/**
 * The group's budget impact by the ingredients method (docs/domain.md, "Budget impact"): the
 * total, per student and per session, then each ingredient and how it was priced.
 */
export function BudgetCard({ budget }: { budget: Budget }) {
  return (
    <Card data-testid="budget">
      <h2 className="text-lg font-semibold">Budget impact</h2>
      <p className="text-sm text-slate-700">
        Over the whole plan: {budget.sessions} session{budget.sessions === 1 ? "" : "s"} not
        cancelled, {budget.students} student{budget.students === 1 ? "" : "s"} enrolled,{" "}
        {formatNumberOfHours(budget.staffHours)} of staff time.
      </p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <Stat term="Total" className="text-xl font-semibold" data-testid="budget-total">
          {formatCents(budget.totalCents)}
        </Stat>
        <Stat term="Per student" className="text-xl font-semibold">
          {perText(budget.perStudentCents)}
        </Stat>
        <Stat term="Per session" className="text-xl font-semibold">
          {perText(budget.perSessionCents)}
        </Stat>
      </dl>
      {budget.lines.length > 0 ? (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">The ingredients and their cost</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 pr-3 font-medium">Ingredient</th>
              <th className="py-1 pr-3 font-medium">How it is priced</th>
              <th className="py-1 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody>
            {budget.lines.map((line) => (
              <tr
                key={`${line.ingredient}|${line.name}|${line.detail}`}
                className="border-t border-slate-200"
              >
                <td className="py-1 pr-3">
                  <span className="font-medium">{line.name}</span>
                  <span className="block text-xs text-slate-600">
                    {INGREDIENT_LABELS[line.ingredient]}
                  </span>
                </td>
                <td className="py-1 pr-3 text-slate-700">{line.detail}</td>
                <td className="py-1 text-right tabular-nums">{formatCents(line.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

function formatNumberOfHours(hours: number): string {
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}
