import { randomBytes } from "node:crypto";
import pLimit from "p-limit";
import { createRedactor } from "../diagnostics";
import type { RegionTarget, RunResult } from "../model";
import { TokenManager, withAuth } from "./auth";
import { CallbackReceiver } from "./callbacks";
import { emit } from "./emit";
import { createDispatcher, createSend, withRetry } from "./http";
import type { RunEnv, RunPlanContext } from "./run-context";
import { buildRunResult } from "./run-result";
import { runSuite, type SuiteOutcome } from "./run-suite";

/** Run a plan: suites concurrently (needs first), steps in order, teardown always; emits events, never prints. */
export async function runPlan(ctx: RunPlanContext): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const { env, close } = await createEnv(ctx);
  try {
    emit(ctx.listeners, "onRunStart", ctx.plan);
    const limit = pLimit(Math.max(1, ctx.options.concurrency));
    const done = new Map<string, Promise<SuiteOutcome>>();
    for (const item of ctx.plan.items) {
      const needs = item.needs.map((key) => done.get(key)).filter((p): p is Promise<SuiteOutcome> => p !== undefined);
      done.set(item.key, Promise.all(needs).then((needed) => limit(() => runSuite(env, item, needed))));
    }
    const outcomes = await Promise.all(done.values());
    const result = buildRunResult(ctx, outcomes.map((o) => o.result), startedAt, performance.now() - t0);
    for (const listener of ctx.listeners) await listener.onRunEnd?.(result);
    return result;
  } finally {
    await close();
  }
}

async function createEnv(ctx: RunPlanContext): Promise<{ env: RunEnv; close: () => Promise<void> }> {
  const targets = Object.values(ctx.targets);
  const webhookSecret = ctx.runVariables?.WEBHOOK_SECRET || randomBytes(24).toString("base64url");
  const redactor = createRedactor([...targets.map((t) => t.clientSecret), webhookSecret],
    { pairs: targets.map((t): [string, string] => [t.clientId, t.clientSecret]) });
  const dispatcher = createDispatcher({ connectTimeoutMs: Math.min(ctx.options.requestTimeoutMs, 10_000) });
  const retrying = withRetry(createSend(dispatcher, ctx.options.requestTimeoutMs), { policy: ctx.options.backoff });
  const tokens = new TokenManager(retrying, { onIssued: (token) => redactor.add(token) });
  const receiver = new CallbackReceiver();
  await receiver.start();
  const env: RunEnv = {
    ctx, redactor, receiver,
    send: withAuth(retrying, { tokens, targets: ctx.targets }),
    regionVars: new Map(targets.map((t) => [t.region, regionVariables(t, ctx.runVariables, webhookSecret)])),
    compiled: new Map(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const close = async (): Promise<void> => {
    await receiver.close();
    await dispatcher.close();
  };
  return { env, close };
}

/** The run variables of a region; the region's own values win over extra run variables. */
function regionVariables(t: RegionTarget, extra: Record<string, string> | undefined, webhookSecret: string): Record<string, string> {
  return {
    ...extra,
    PROJECT: t.projectId, REGION: t.region, BASE_URL: t.baseUrl, AUTH_URL: t.authUrl, TEMPLATE_BASE_URL: t.templateBaseUrl,
    CLIENT_ID: t.clientId, CLIENT_SECRET: t.clientSecret, WEBHOOK_SECRET: webhookSecret,
  };
}
