import type { RunResult } from "../model";

/**
 * Where each suite goes in a report that lists suites in the run's order, for reporters that saw the suites one by
 * one as they finished: the result's own order when it holds every suite seen (a run that kept its results, a
 * result handed over whole); otherwise the plan's order, then the suites only the result holds (the cleanup
 * check's record). Suites seen but in neither come last, as they were seen.
 */
export function suiteOrder(result: RunResult, planned: readonly string[], seen: Iterable<string>): string[] {
  const inResult = result.suites.map((s) => s.key);
  const given = new Set(inResult);
  const seenKeys = [...seen];
  if (seenKeys.every((key) => given.has(key))) return [...given];
  const seenSet = new Set(seenKeys);
  const order = new Set(planned.filter((key) => seenSet.has(key)));
  for (const key of inResult) order.add(key);
  for (const key of seenKeys) order.add(key);
  return [...order];
}
