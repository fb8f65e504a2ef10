import type { Plan, RunFooter, RunHeader, RunResult } from "../model";
import { KeySetFingerprint, stepOfSuite, suiteFacts } from "../diagnostics";
import { DEFAULT_API_VERSION } from "../vocabulary/api-versions";

/**
 * A short hash of every suite key of a plan with the hash of its steps' phases and names, in any order (give it the
 * plan before sharding): the same suites with the same steps, the same hash.
 */
export function planFingerprint(plan: Plan): string {
  const keys = new KeySetFingerprint();
  for (const item of plan.items) keys.add(`${item.key}/${suiteFacts(item.suite).stepsDigest}`);
  return keys.digest();
}

/** The header of a finished result written without its run's header (a library user's result): what the result says. */
export function headerOfResult(result: RunResult): RunHeader {
  const keys = new KeySetFingerprint();
  for (const suite of result.suites) {
    const steps = new KeySetFingerprint();
    for (const step of suite.steps) steps.add(stepOfSuite(step));
    keys.add(`${suite.key}/${steps.digest()}`);
  }
  return {
    tool: result.tool, target: result.target, regions: result.regions, apiVersion: DEFAULT_API_VERSION, strict: result.strict,
    startedAt: result.startedAt, planFingerprint: keys.digest(),
  };
}

/** The footer of a run: when and how it ended. */
export function footerOfResult(result: RunResult, interrupted: boolean): RunFooter {
  return { finishedAt: result.finishedAt, durationMs: Math.round(result.durationMs * 10) / 10, totals: result.totals, interrupted };
}
