import type { PlannedSuite, Step, StepResult, SuiteResult } from "../model";
import { runCallbackStep } from "./callbacks/run-callback-step";
import { emit } from "./emit";
import { runRequestStep } from "./request-step/run-request-step";
import { stopReason, type RunEnv } from "./run-context";
import { suiteOutcome } from "./run-result";
import { skippedResult } from "./step-result";
import type { SuiteRun } from "./suite-run";
import { VariableScope } from "./variables";

/** A finished suite run: its result and the variables it hands to suites that need it. */
export interface SuiteOutcome {
  result: SuiteResult;
  exports: Map<string, unknown>;
}

/** Run one planned suite: setup and steps in order until one fails, then teardown always. */
export async function runSuite(env: RunEnv, item: PlannedSuite, needed: SuiteOutcome[]): Promise<SuiteOutcome> {
  emit(env.ctx.listeners, "onSuiteStart", item);
  const startedAt = new Date();
  const t0 = performance.now();
  const steps: StepResult[] = [];
  const record = (r: StepResult): void => {
    steps.push(r);
    emit(env.ctx.listeners, "onStepResult", item, r);
  };
  const { suite } = item;
  const all = [...suite.setup, ...suite.steps, ...suite.teardown];
  const blocked = needed.find((n) => n.result.outcome !== "passed");
  const notStarted = blocked ? `needed suite ${blocked.result.key} ${blocked.result.outcome}` : stopReason(env);
  let exports = new Map<string, unknown>();
  if (notStarted) for (const step of all) record(skippedResult(step, notStarted));
  else {
    const run = startRun(env, item, needed);
    await runPhases(run, record);
    exports = collectExports(run);
  }
  const result: SuiteResult = {
    key: item.key, suiteId: suite.id, name: suite.name, file: suite.file, region: item.region,
    outcome: suiteOutcome(steps), startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - t0), steps,
  };
  emit(env.ctx.listeners, "onSuiteEnd", item, result);
  return { result, exports };
}

function startRun(env: RunEnv, item: PlannedSuite, needed: SuiteOutcome[]): SuiteRun {
  const exported = new Map<string, unknown>();
  for (const n of needed) for (const [k, v] of n.exports) exported.set(k, v);
  const vars = { ...env.regionVars.get(item.region), WEBHOOK_URL: env.receiver.hookUrl(item.key, env.ctx.options.callbackUrl) };
  const scope = new VariableScope(vars, exported);
  scope.setSuiteVariables(item.suite.variables);
  return { env, item, scope };
}

async function runPhases(run: SuiteRun, record: (r: StepResult) => void): Promise<void> {
  const { env, item } = run;
  let skip: string | undefined;
  for (const step of [...item.suite.setup, ...item.suite.steps]) {
    skip ??= stopReason(env);
    if (skip) {
      record(skippedResult(step, skip));
      continue;
    }
    const result = await runStep(run, step);
    record(result);
    if (result.outcome === "failed" || result.outcome === "error") skip = `an earlier step failed ("${step.name}")`;
  }
  for (const step of item.suite.teardown) record(await runStep(run, step));
}

async function runStep(run: SuiteRun, step: Step): Promise<StepResult> {
  emit(run.env.ctx.listeners, "onStepStart", run.item, step);
  const result = step.kind === "callback" ? await runCallbackStep(run, step) : await runRequestStep(run, step);
  if ((result.outcome === "failed" || result.outcome === "error") && run.env.ctx.options.bail) run.env.stopped ??= "bail";
  return result;
}

function collectExports(run: SuiteRun): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of run.item.suite.exports) {
    const value = run.scope.lookup(name);
    if (value !== undefined) out.set(name, value);
  }
  return out;
}
