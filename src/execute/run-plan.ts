import { randomBytes } from "node:crypto";
import pLimit from "p-limit";
import { createRedactor } from "../diagnostics";
import type { PlannedSuite, RegionTarget, RunResult, RunTotals, Suite, SuiteResult } from "../model";
import { REGIONAL_VARIABLES, regionalVariableName, type RunVariable } from "../vocabulary/run-variables";
import { TokenManager, withAuth } from "./auth";
import { CallbackReceiver } from "./callbacks";
import { emit } from "./emit";
import { learnRunInputs } from "./exchange";
import { createDispatcher, createSend, Lanes, withObserver, withRetry } from "./http";
import type { RunEnv, RunPlanContext } from "./run-context";
import { buildRunResult } from "./run-result";
import { addTotals, emptyTotals } from "../vocabulary/run-totals";
import { finishSuite, startSuite, type SuiteProgress } from "./run-suite";

/** Run a plan: suites concurrently (needs first), steps in order, teardown always; emits events, never prints. */
export async function runPlan(ctx: RunPlanContext): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const { env, close } = await createEnv(ctx);
  try {
    emit(ctx.listeners, "onRunStart", ctx.plan, { callbackReceiver: env.receiver.url, ...(ctx.options.callbackUrl ? { callbackUrl: ctx.options.callbackUrl } : {}) });
    const finished = await schedule(env, ctx.plan.items, pLimit(Math.max(1, ctx.options.concurrency)));
    const result = buildRunResult(ctx, finished, startedAt, performance.now() - t0);
    for (const listener of ctx.listeners) await listener.onRunEnd?.(result);
    return result;
  } finally {
    await close();
  }
}

/** What the schedule gives back: the suites kept (none when the run releases them) and the totals of every suite. */
interface Finished {
  suites: SuiteResult[];
  totals: RunTotals;
}

/**
 * Run the items, at most `limit` at a time: a suite starts when the suites it needs have run their steps
 * (their exports are ready). A suite nobody needs runs its teardown in its own slot, so it is done (and reported)
 * before the next queued suite starts. A suite others need keeps its teardown until it and every suite that needs
 * it have finished (a shared resource, the app, outlives its users), then runs it outside the queue: cleaning up
 * never waits behind suites that have not started, and waiting never holds a concurrency slot.
 * Without keepResults no step's result is held (the listeners saw each one as it was recorded), and a finished suite is
 * counted and let go: its variables and captures are not held once the suites that need it are done, nor its parsed
 * steps once its last run (one per region) has ended.
 */
async function schedule(env: RunEnv, items: PlannedSuite[], limit: pLimit.Limit): Promise<Finished> {
  const keep = env.ctx.keepResults !== false;
  const totals = emptyTotals();
  const results: Array<SuiteResult | undefined> = [];
  const started = new Map<string, Promise<SuiteProgress>>();
  const finished = new Map<string, Promise<void>>();
  const dependents = new Map<string, string[]>();
  for (const item of items) for (const need of item.needs) dependents.set(need, [...(dependents.get(need) ?? []), item.key]);
  const runsLeft = new Map<Suite, number>();
  if (!keep) for (const { suite } of items) runsLeft.set(suite, (runsLeft.get(suite) ?? 0) + 1);
  const done = (index: number, progress: SuiteProgress, result: SuiteResult): void => {
    addTotals(totals, progress.tally);
    if (keep) results[index] = result;
    const left = (runsLeft.get(progress.item.suite) ?? 0) - 1;
    runsLeft.set(progress.item.suite, left);
    if (left === 0) releaseSteps(progress.item.suite);
  };
  items.forEach((item, index) => {
    const needs = Promise.all(item.needs.map((key) => started.get(key)).filter((p): p is Promise<SuiteProgress> => p !== undefined));
    const users = dependents.get(item.key);
    if (!users) {
      finished.set(item.key, needs.then((needed) => limit(async () => {
        const progress = await startSuite(env, item, needed);
        done(index, progress, await finishSuite(env, progress));
      })));
      return;
    }
    const main = needs.then((needed) => limit(() => startSuite(env, item, needed)));
    started.set(item.key, main);
    finished.set(item.key, main.then(async (progress) => {
      await Promise.all(users.map((key) => finished.get(key)));
      done(index, progress, await finishSuite(env, progress));
      if (!keep) release(progress);
    }));
  });
  await Promise.all(items.map((item) => finished.get(item.key)!));
  return { suites: keep ? results.filter((r): r is SuiteResult => r !== undefined) : [], totals };
}

/** A suite whose runs have all ended: its phases are emptied, so its parsed steps (or stored parts) are not held. */
function releaseSteps(suite: Suite): void {
  suite.setup = [];
  suite.steps = [];
  suite.teardown = [];
}

/** A suite others needed, done with its teardown: its variables and captures are no longer held. */
function release(progress: SuiteProgress): void {
  progress.run = undefined;
  progress.exports = new Map();
}

async function createEnv(ctx: RunPlanContext): Promise<{ env: RunEnv; close: () => Promise<void> }> {
  const targets = Object.values(ctx.targets);
  const webhookSecret = ctx.runVariables?.WEBHOOK_SECRET || randomBytes(24).toString("base64url");
  const redactor = ctx.redactor ?? createRedactor([], { pairs: targets.map((t): [string, string] => [t.clientId, t.clientSecret]) });
  for (const secret of [...targets.map((t) => t.clientSecret), webhookSecret]) redactor.add(secret);
  learnRunInputs(redactor, ctx);
  const { requestTimeoutMs } = ctx.options;
  const limits = { connectTimeoutMs: Math.min(requestTimeoutMs, 10_000), requestTimeoutMs };
  const dispatcher = createDispatcher(limits);
  const lanes = new Lanes(() => createDispatcher({ ...limits, connections: 1 }));
  const retrying = withRetry(withObserver(createSend(dispatcher, { timeoutMs: requestTimeoutMs })), { policy: ctx.options.backoff, sleep: abortableSleep });
  const tokens = new TokenManager(retrying, { onIssued: (token) => redactor.add(token) });
  const receiver = new CallbackReceiver();
  await receiver.start(ctx.options.callbackListen);
  const shared = { ...ctx.runVariables, ...crossRegionVariables(targets) };
  const env: RunEnv = {
    ctx, redactor, receiver,
    send: withAuth(retrying, { tokens, targets: ctx.targets }),
    lanes,
    regionVars: new Map(targets.map((t) => [t.region, regionVariables(t, { ...shared, ...ctx.regionVariables?.[t.region] }, webhookSecret)])),
    compiled: new Map(),
    sleep: abortableSleep,
  };
  const close = async (): Promise<void> => {
    await receiver.close();
    await Promise.all([dispatcher.close(), lanes.close()]);
  };
  return { env, close };
}

/** Wait, but stop waiting when the signal (the run's interrupt, for steps that stop on it) aborts. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** BASE_URL_EU, AUTH_URL_EU, TEMPLATE_BASE_URL_EU, ... for every region of the run: cross-region steps. */
function crossRegionVariables(targets: RegionTarget[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const t of targets) {
    const own = regionUrls(t);
    for (const base of REGIONAL_VARIABLES) vars[regionalVariableName(base, t.region)] = own[base];
  }
  return vars;
}

function regionUrls(t: RegionTarget): Record<(typeof REGIONAL_VARIABLES)[number], string> {
  return { BASE_URL: t.baseUrl, AUTH_URL: t.authUrl, TEMPLATE_BASE_URL: t.templateBaseUrl };
}

/** The run variables of a region (WEBHOOK_URL is set per suite run); the region's own values win over extra run variables. */
function regionVariables(t: RegionTarget, extra: Record<string, string> | undefined, webhookSecret: string): Record<string, string> {
  const own: Partial<Record<RunVariable, string>> = {
    ...regionUrls(t), PROJECT: t.projectId, REGION: t.region, CLIENT_ID: t.clientId, CLIENT_SECRET: t.clientSecret, WEBHOOK_SECRET: webhookSecret,
  };
  return { ...extra, ...own };
}
