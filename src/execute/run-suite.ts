import type { PlannedSuite, RunTotals, Step, StepResult, SuiteResult } from "../model";
import { runCallbackStep } from "./callbacks/run-callback-step";
import { emit } from "./emit";
import { runRequestStep } from "./request-step/run-request-step";
import { stopReason, type RunEnv } from "./run-context";
import { skippedResult } from "./step-result";
import type { SuiteRun } from "./suite-run";
import { VariableScope } from "./variables";
import { roundMs } from "./duration";
import { suiteSteps } from "../vocabulary/suite-steps";
import { addStepToTotals, emptyTotals, isBad, tallyOutcome } from "../vocabulary/run-totals";

/** A suite whose setup and steps are done and whose teardown is still to come. */
export interface SuiteProgress {
  item: PlannedSuite;
  /** undefined when the suite never started (a need failed, bail, interrupt) */
  run?: SuiteRun;
  /** the steps' results, when the run keeps them; otherwise each goes to the listeners (onStepResult) and is let go */
  steps?: StepResult[];
  /** the suite (1) and its steps counted as they are recorded: its outcome and the run's totals come from it */
  tally: RunTotals;
  startedAt: Date;
  /** time spent running so far (waiting for dependents before teardown is not counted) */
  activeMs: number;
  /** outcome of setup + steps: what suites that need this one look at */
  outcome: SuiteResult["outcome"];
  /** the variables handed to suites that need this one */
  exports: Map<string, unknown>;
  /** a step was cut short or not started because the run was interrupted */
  interrupted: boolean;
}

/** Start a suite: setup and steps in order until one fails. Its exports are ready when this resolves. */
export async function startSuite(env: RunEnv, item: PlannedSuite, needed: SuiteProgress[]): Promise<SuiteProgress> {
  emit(env.ctx.listeners, "onSuiteStart", item);
  const t0 = performance.now();
  const steps = env.ctx.keepResults !== false ? { steps: [] } : {};
  const progress: SuiteProgress = { item, ...steps, tally: { ...emptyTotals(), suites: 1 }, startedAt: new Date(), activeMs: 0, outcome: "passed", exports: new Map(), interrupted: false };
  const blocked = needed.find((n) => n.outcome !== "passed");
  const notStarted = blocked ? `needed suite ${blocked.item.key} ${blocked.outcome}` : stopReason(env);
  const { suite } = item;
  if (notStarted) {
    progress.interrupted = !blocked && env.stopped === "interrupted";
    for (const step of suiteSteps(suite)) record(env, progress, skippedResult(step, notStarted));
  } else {
    progress.run = startRun(env, item, needed);
    await inLane(progress.run, () => runMain(progress.run!, progress));
    progress.exports = collectExports(progress.run);
  }
  progress.outcome = tallyOutcome(progress.tally);
  progress.activeMs = performance.now() - t0;
  return progress;
}

/** Finish a suite: teardown always runs (it sees every capture), then the suite's result (without its steps when the run keeps none). */
export async function finishSuite(env: RunEnv, progress: SuiteProgress): Promise<SuiteResult> {
  const t0 = performance.now();
  const { item, run } = progress;
  if (run) await inLane(run, async () => {
    for (const step of item.suite.teardown) record(env, progress, await runStep(run, step));
  });
  const result: SuiteResult = {
    key: item.key, suiteId: item.suite.id, name: item.suite.name, file: item.suite.file, region: item.region,
    outcome: tallyOutcome(progress.tally), startedAt: progress.startedAt.toISOString(),
    durationMs: roundMs(progress.activeMs + performance.now() - t0), steps: progress.steps ?? [],
  };
  if (progress.interrupted) result.interrupted = true;
  emit(env.ctx.listeners, "onSuiteEnd", item, result);
  return result;
}

function record(env: RunEnv, progress: SuiteProgress, result: StepResult): void {
  progress.steps?.push(result);
  addStepToTotals(progress.tally, result);
  emit(env.ctx.listeners, "onStepResult", progress.item, result);
}

function startRun(env: RunEnv, item: PlannedSuite, needed: SuiteProgress[]): SuiteRun {
  const exported = new Map<string, unknown>();
  for (const n of needed) for (const [k, v] of n.exports) exported.set(k, v);
  const vars = { ...env.regionVars.get(item.region), WEBHOOK_URL: env.receiver.hookUrl(item.key, env.ctx.options.callbackUrl) };
  const scope = new VariableScope(vars, exported);
  scope.setSuiteVariables(item.suite.variables);
  return { env, item, scope };
}

/** The suite run sends through a lane of its own while `work` runs (Lanes). */
async function inLane<T>(run: SuiteRun, work: () => Promise<T>): Promise<T> {
  run.lane = run.env.lanes.take();
  try {
    return await work();
  } finally {
    run.env.lanes.give(run.lane);
    run.lane = undefined;
  }
}

/** What runs before teardown, in order. */
const MAIN_PHASES = ["setup", "steps"] as const;

async function runMain(run: SuiteRun, progress: SuiteProgress): Promise<void> {
  const { env, item } = run;
  let skip: string | undefined;
  for (const step of suiteSteps(item.suite, MAIN_PHASES)) {
    if (!skip) {
      skip = stopReason(env);
      if (env.stopped === "interrupted") progress.interrupted = true;
    }
    if (skip) {
      record(env, progress, skippedResult(step, skip));
      continue;
    }
    const result = await runStep(run, step);
    record(env, progress, result);
    if (result.error?.code === "CC_INTERRUPTED") progress.interrupted = true;
    if (isBad(result)) skip = `an earlier step failed ("${step.name}")`;
  }
}

async function runStep(run: SuiteRun, step: Step): Promise<StepResult> {
  emit(run.env.ctx.listeners, "onStepStart", run.item, step);
  const result = step.kind === "callback" ? await runCallbackStep(run, step) : await runRequestStep(run, step);
  if (isBad(result) && run.env.ctx.options.bail) run.env.stopped ??= "bail";
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
