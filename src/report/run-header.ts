import type { Plan, RunFooter, RunHeader, RunResult } from "../model";
import { KeySetFingerprint } from "../diagnostics";
import { stepKey } from "../vocabulary/step-key";
import { suiteSteps } from "../vocabulary/suite-steps";
import { DEFAULT_API_VERSION } from "../vocabulary/api-versions";

/** A short hash of every suite key and step key of a plan (give it the plan before sharding): the same suites, the same hash. */
export function planFingerprint(plan: Plan): string {
  const keys = new KeySetFingerprint();
  for (const item of plan.items) {
    for (const step of suiteSteps(item.suite)) keys.add(stepKey(item.key, step.phase, step.name));
  }
  return keys.digest();
}

/** The header of a finished result written without its run's header (a library user's result): what the result says. */
export function headerOfResult(result: RunResult): RunHeader {
  const keys = new KeySetFingerprint();
  for (const suite of result.suites) for (const step of suite.steps) keys.add(stepKey(suite.key, step.phase, step.name));
  return {
    tool: result.tool, target: result.target, regions: result.regions, apiVersion: DEFAULT_API_VERSION, strict: result.strict,
    startedAt: result.startedAt, planFingerprint: keys.digest(),
  };
}

/** The footer of a run: when and how it ended. */
export function footerOfResult(result: RunResult, interrupted: boolean): RunFooter {
  return { finishedAt: result.finishedAt, durationMs: Math.round(result.durationMs * 10) / 10, totals: result.totals, interrupted };
}
