import type { Plan, RunEvents, RunResult, RunTotals, SuiteResult } from "../model";

/** What a partial result needs besides the suites that finished. */
export interface RunMeta {
  tool: { name: string; version: string };
  target: string;
  regions: string[];
  strict: boolean;
  startedAt: Date;
}

/** Collects finished suites so reports can still be written when a run stops before onRunEnd. */
export type ResultCollector = RunEvents & { plan?: Plan; partial(meta: RunMeta): RunResult };

/** Totals of a list of suite results, counted the way RunResult counts them. */
export function countTotals(suites: SuiteResult[]): RunTotals {
  const steps = suites.flatMap((s) => s.steps);
  const count = (o: string) => steps.filter((s) => s.outcome === o).length;
  return {
    suites: suites.length,
    steps: steps.length,
    passed: count("passed"),
    failed: count("failed"),
    errors: count("error"),
    skipped: count("skipped"),
    flaky: steps.filter((s) => s.flaky).length,
    drift: steps.reduce((n, s) => n + s.drift.length, 0),
  };
}

/** A listener that remembers every finished suite. */
export function createResultCollector(): ResultCollector {
  const suites: SuiteResult[] = [];
  const collector: ResultCollector = {
    onRunStart(plan) {
      collector.plan = plan;
    },
    onSuiteEnd(_item, result) {
      suites.push(result);
    },
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
        totals: countTotals(suites),
        suites: [...suites],
      };
    },
  };
  return collector;
}
