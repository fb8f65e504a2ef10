import { basename, resolve } from "node:path";
import type { Contract, Plan, PlannedSuite, RunResult, Suite, SuiteResult } from "../../model";
import type { Config } from "../../config";
import { fingerprint, hasErrors, makeDiagnostic } from "../../diagnostics";
import { suiteOutcome, totalsOf } from "../../execute";
import { TokenManager } from "../../execute/auth";
import { createDispatcher, createSend, withRetry } from "../../execute/http";
import { loadCollections, type LoadedCollection } from "../../load";
import { openReports, type ConsoleOutput, type ReportSession } from "../../report";
import { executeOptions } from "../execute-options";
import { githubOutput } from "../github-output";
import { loadProject, projectDirs } from "../load-project";
import { openTargets, type OpenTargets } from "../open-targets";
import { packageInfo } from "../package-info";
import { runRedactor, type ProjectRunOutcome } from "../run-project";
import { shownPath } from "../shown-paths";
import { runVerdict } from "../verdict";
import { runCollection } from "./collection-run";
import { loadNewman } from "./newman-library";
import { startWebhookSink } from "./webhook-sink";

/** What `newman` needs: the resolved config, the environment credentials come from, the console, an interrupt. */
export interface NewmanProjectOptions {
  config: Config;
  env: Record<string, string | undefined>;
  console?: ConsoleOutput;
  signal?: AbortSignal;
}

/**
 * `newman`: every collection of --collections run through the newman library against the run's target, once per
 * region, with tokens from the token manager; every response checked against the contract; the run's reporters.
 */
export async function newmanProject(options: NewmanProjectOptions): Promise<ProjectRunOutcome> {
  const { config } = options;
  const newman = loadNewman();
  if ("missing" in newman) {
    return { status: "could-not-run", written: [], diagnostics: [makeDiagnostic("CC_NEWMAN_MISSING", `newman cannot be loaded: ${newman.missing}`)] };
  }
  const project = await loadProject(config);
  const loaded = loadCollections(projectDirs(config).collections);
  const problems = [...project.diagnostics, ...loaded.diagnostics];
  if (hasErrors(problems) || !project.contract) return { status: "invalid", written: [], diagnostics: problems };
  const opened = await openTargets(config, options.env, project.environments, project.contract);
  if (!opened.open) return { status: "invalid", written: [], diagnostics: opened.diagnostics };
  const sink = await startWebhookSink();
  try {
    const ctx = { options, open: opened.open, contract: project.contract, newman, webhookUrl: config.callbackUrl ?? sink.url };
    return await runAll(ctx, loaded.collections);
  } finally {
    await sink.close();
    await opened.open.close();
  }
}

interface NewmanContext {
  options: NewmanProjectOptions;
  open: OpenTargets;
  contract: Contract;
  newman: Parameters<typeof runCollection>[0]["newman"];
  webhookUrl: string;
}

async function runAll(ctx: NewmanContext, collections: LoadedCollection[]): Promise<ProjectRunOutcome> {
  const { config, signal } = ctx.options;
  const redactor = runRedactor(ctx.open);
  const plan: Plan = { items: collections.flatMap((c) => ctx.open.regions.map((region) => plannedSuite(c, region, config.cwd))), regions: ctx.open.regions };
  const startedAt = new Date();
  const reports = openReports({
    names: config.reporter, outDir: resolve(config.cwd, config.out), redactor, cwd: config.cwd, console: ctx.options.console, signal,
    header: { tool: packageInfo(), target: ctx.open.label, regions: ctx.open.regions, apiVersion: config.apiVersion, strict: config.strict,
      startedAt: startedAt.toISOString(), planFingerprint: fingerprint(plan.items.map((i) => i.key)) },
    github: githubOutput(ctx.options),
  });
  const dispatcher = createDispatcher({ connectTimeoutMs: Math.min(config.timeout, 10_000), requestTimeoutMs: config.timeout });
  const tokens = new TokenManager(withRetry(createSend(dispatcher), { policy: executeOptions(config).backoff, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }), {
    onIssued: (token) => redactor.add(token),
  });
  const suites: SuiteResult[] = [];
  try {
    for (const l of reports.listeners) l.onRunStart?.(plan);
    for (const item of plan.items) {
      if (signal?.aborted) break;
      suites.push(await runItem(ctx, { item, tokens, reports, collection: collections.find((c) => item.suite.file === shownPath(c.file, config.cwd))! }));
    }
  } catch (e) {
    reports.close(); // a newman crash stops live output; the error reaches the CLI as a crash
    throw e;
  } finally {
    await dispatcher.close();
  }
  return finish(ctx, reports, runResultOf(ctx, suites, startedAt));
}

async function runItem(ctx: NewmanContext, run: { item: PlannedSuite; tokens: TokenManager; reports: ReportSession; collection: LoadedCollection }): Promise<SuiteResult> {
  const { item, reports } = run;
  const { config } = ctx.options;
  for (const l of reports.listeners) l.onSuiteStart?.(item);
  const started = new Date();
  const steps = await runCollection({
    newman: ctx.newman, collection: run.collection.json, target: ctx.open.targets[item.region]!, tokens: run.tokens,
    variables: { ...ctx.open.runVariables, ...ctx.open.regionVariables?.[item.region], WEBHOOK_URL: ctx.webhookUrl, API_VERSION: config.apiVersion },
    contract: ctx.contract, strict: config.strict, timeoutMs: config.timeout, at: item.suite.pos, signal: ctx.options.signal,
  });
  const result: SuiteResult = {
    key: item.key, suiteId: item.suite.id, name: item.suite.name, file: item.suite.file, region: item.region, outcome: suiteOutcome(steps),
    startedAt: started.toISOString(), durationMs: Date.now() - started.getTime(), steps,
  };
  for (const l of reports.listeners) l.onSuiteEnd?.(item, result);
  return result;
}

async function finish(ctx: NewmanContext, reports: ReportSession, result: RunResult): Promise<ProjectRunOutcome> {
  const { written, failures } = await reports.finish(result);
  const verdict = runVerdict(result, ctx.options.signal?.aborted === true);
  const diagnostics = [...failures, ...(verdict.reason ? [verdict.reason] : [])];
  return { status: failures.length > 0 ? "could-not-run" : verdict.status, result, written, diagnostics };
}

function runResultOf(ctx: NewmanContext, suites: SuiteResult[], startedAt: Date): RunResult {
  const { config } = ctx.options;
  return {
    formatVersion: 1, tool: packageInfo(), target: ctx.open.label, regions: ctx.open.regions, strict: config.strict, startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt.getTime(), totals: totalsOf(suites), suites,
  };
}

/** A collection in one region, as reporters know suites: the collection file, its name, tag "newman". */
function plannedSuite(collection: LoadedCollection, region: string, cwd: string): PlannedSuite {
  const id = basename(collection.file).replace(/\.postman_collection\.json$/, "");
  const info = (collection.json as { info?: { name?: unknown } }).info;
  const file = shownPath(collection.file, cwd);
  const suite: Suite = {
    file, id, name: `${typeof info?.name === "string" ? info.name : id} (newman)`, tags: ["newman"], auth: "oauth2", needs: [], exports: [],
    variables: {}, setup: [], steps: [], teardown: [], pos: { file, line: 1, column: 1 }, fieldPos: {},
  };
  return { key: `${id}@${region}`, suite, region, needs: [] };
}
