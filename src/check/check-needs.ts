import type { Suite } from "../model";
import { didYouMeanHint, makeDiagnostic } from "../diagnostics";
import { suiteFieldAt, type SuiteCheck } from "./context";

/** Every `needs` entry names a suite of the run. */
export function checkNeedsExist(check: SuiteCheck): void {
  check.suite.needs.forEach((need, i) => {
    if (check.suitesById.has(need)) return;
    const hint = didYouMeanHint(need, check.suitesById.keys()) ?? `known suites: ${[...check.suitesById.keys()].join(", ")}`;
    check.out.push(makeDiagnostic("CC_UNKNOWN_NEED", `suite "${check.suite.id}" needs "${need}", which is not a suite of this run`, suiteFieldAt(check.suite, `needs.${i}`), hint));
  });
}

/** Every exported variable is captured by some step (`captured`: every name the suite's steps capture) or declared in `variables`. */
export function checkExports(check: SuiteCheck, captured: ReadonlySet<string>): void {
  const { suite } = check;
  suite.exports.forEach((name, i) => {
    if (captured.has(name) || Object.hasOwn(suite.variables, name)) return;
    check.out.push(makeDiagnostic("CC_EXPORT_NEVER_SET", `suite "${suite.id}" exports ${name}, but no step captures it`, suiteFieldAt(suite, `exports.${i}`)));
  });
}

/** Cycles in `needs`, each reported once (at the suite of the cycle that sorts first). */
export function findNeedsCycles(suitesById: Map<string, Suite>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "visiting");
    stack.push(id);
    for (const need of suitesById.get(id)?.needs ?? []) {
      if (!suitesById.has(need)) continue;
      if (state.get(need) === "visiting") {
        const cycle = stack.slice(stack.indexOf(need));
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(" -> "), canonical);
      } else if (!state.has(need)) visit(need);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const id of [...suitesById.keys()].sort()) if (!state.has(id)) visit(id);
  return [...cycles.values()];
}

/** One CC_NEEDS_CYCLE per cycle, naming it: a -> b -> a. */
export function checkNeedsCycles(suitesById: Map<string, Suite>): ReturnType<typeof makeDiagnostic>[] {
  return findNeedsCycles(suitesById).map((cycle) => {
    const first = suitesById.get(cycle[0] as string) as Suite;
    const next = cycle[1] ?? cycle[0];
    const at = suiteFieldAt(first, `needs.${first.needs.indexOf(next as string)}`);
    return makeDiagnostic("CC_NEEDS_CYCLE", `suites need each other in a cycle: ${[...cycle, cycle[0]].join(" -> ")}`, at);
  });
}
