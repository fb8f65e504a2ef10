import type { Plan, RunEvents, RunResult, RunTotals, SuiteResult } from "../model";
import { addStepToTotals, addToTotals, addTotals, emptyTotals } from "../vocabulary/run-totals";
import { stepBatches } from "./step-batches";

/** What a partial result needs besides the suites that finished. */
export interface RunMeta {
  tool: { name: string; version: string };
  target: string;
  regions: string[];
  strict: boolean;
  startedAt: Date;
}

/** Counts finished suites (and keeps them, when asked) so reports can still be written when a run stops before onRunEnd. */
export type ResultCollector = RunEvents & { plan?: Plan; partial(meta: RunMeta): RunResult };

/** Totals of a list of suite results, counted the way RunResult counts them. */
export function countTotals(suites: SuiteResult[]): RunTotals {
  const totals = emptyTotals();
  for (const suite of suites) addToTotals(totals, suite);
  return totals;
}

/**
 * A listener that counts every finished suite; with `keep` it remembers them too. Without, the partial result holds
 * no suites (the reporters saw each one as it finished), only the totals.
 */
export function createResultCollector(opts: { keep?: boolean } = {}): ResultCollector {
  const keep = opts.keep !== false;
  const suites: SuiteResult[] = [];
  const totals = emptyTotals();
  // each suite is counted as its steps come, and added to the totals when it finishes
  const counted = stepBatches<RunTotals>({
    begin: () => ({ ...emptyTotals(), suites: 1 }),
    steps(tally, steps) {
      for (const step of steps) addStepToTotals(tally, step);
    },
    end(tally, result) {
      addTotals(totals, tally);
      if (keep) suites.push(result);
    },
  });
  const collector: ResultCollector = {
    onRunStart(plan) {
      collector.plan = plan;
    },
    onStepResult: counted.onStepResult,
    onSuiteEnd: counted.onSuiteEnd,
    partial(meta) {
      const finished = new Date();
      return {
        formatVersion: 1,
        tool: meta.tool,
        target: meta.target,
        regions: meta.regions,
        strict: meta.strict,
        startedAt: meta.startedAt.toISOString(),
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - meta.startedAt.getTime(),
        totals: { ...totals },
        suites: [...suites],
      };
    },
  };
  return collector;
}
