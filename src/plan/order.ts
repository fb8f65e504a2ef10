import type { PlannedSuite } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";

/** Items in a valid order (needs first), otherwise keeping the input order; throws CC_NEEDS_CYCLE on a cycle. */
export function orderItems(items: PlannedSuite[]): PlannedSuite[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const state = new Map<string, "visiting" | "done">();
  const out: PlannedSuite[] = [];
  const visit = (item: PlannedSuite, trail: string[]): void => {
    const seen = state.get(item.key);
    if (seen === "done") return;
    if (seen === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(item.key)), item.key].join(" -> ");
      throw new DiagnosticError(makeDiagnostic("CC_NEEDS_CYCLE", `suites need each other in a cycle: ${cycle}`, item.suite.pos));
    }
    state.set(item.key, "visiting");
    for (const need of item.needs) {
      const dep = byKey.get(need);
      if (dep) visit(dep, [...trail, item.key]);
    }
    state.set(item.key, "done");
    out.push(item);
  };
  for (const item of items) visit(item, []);
  return out;
}
