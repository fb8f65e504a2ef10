import { resolve } from "node:path";
import type { Diagnostic, GateReport, Plan, RunEvents, RunResult } from "../model";
import type { Config } from "../config";
import { createRedactor, DiagnosticError, hasErrors, type Redactor } from "../diagnostics";
import { learnRunInputs, runPlan } from "../execute";
// the report stage's parts, not its index: a run loads the HTML reporter only when asked for it
import type { ConsoleOutput } from "../report/registry";
import { openReports, type ReportSession } from "../report/report-session";
import { createResultCollector } from "../report/result-collector";
import { createDiagnosticSink, redactDiagnostic, type DiagnosticBatch, type DiagnosticSink } from "./diagnostic-sink";
import type { GatedRun } from "./run-gate";
import { executeOptions } from "./execute-options";
import { withCleanupCheck } from "./leftovers";
import { loadProject, type Project } from "./load-project";
import { openTargets, type OpenTargets } from "./open-targets";
import { packageInfo } from "./package-info";
import { planRun } from "./plan-run";
import { addStepFacts, runVerdict, suiteFacts, type ProjectStatus, type SuiteFacts } from "./verdict";
import { suiteOrder } from "../report/suite-order";
import { stepBatches } from "../report/step-batches";
import { withApiVersion } from "./api-version";
import { runHeaderOf } from "./run-description";
import type { ShardTimings } from "./shard-timings";
import { githubOutput } from "./github-output";

/** What runProject needs: the resolved config, the environment credentials come from, and where output goes. */
export interface RunProjectOptions {
  config: Config;
  /** SINCH_CLIENT_ID, SINCH_CLIENT_SECRET, SINCH_PROJECT_ID (a .env in config.cwd fills what is missing) */
  env: Record<string, string | undefined>;
  /** aborting it interrupts the run: teardowns run, the reports hold what finished, the status is could-not-run */
  signal?: AbortSignal;
  /** where the console reporter writes; needed when config.reporter names "console" */
  console?: ConsoleOutput;
  /** each batch of diagnostics as it arises (warnings come before the run's console output) */
  onDiagnostics?(batch: DiagnosticBatch): void;
  /**
   * keep every suite's result for the outcome (default true). false: each suite goes to the reporters as it finishes
   * and is let go, so memory does not grow with the run; the outcome's result then holds the totals and no suites
   * (but the cleanup check's record). The CLI's `run` keeps none.
   */
  keepResults?: boolean;
}

/** How a project run ended; it never prints: the reporters wrote the output, the diagnostics are data. */
export interface ProjectRunOutcome {
  status: ProjectStatus;
  /** the finished (or interrupted) run; absent when the input was invalid and nothing was sent; its suites only with keepResults */
  result?: RunResult;
  /** report files written, relative to config.cwd when inside it */
  written: string[];
  /** every diagnostic, in the order given to onDiagnostics */
  diagnostics: Diagnostic[];
  /** with --baseline: what the regression gate found (the status is then the gate's) */
  gate?: GateReport;
}

/** One run in progress: what every stage after opening the targets needs. */
interface ProjectRun {
  options: RunProjectOptions;
  project: Project & { contract: NonNullable<Project["contract"]> };
  open: OpenTargets;
  plan: Plan;
  sink: DiagnosticSink;
  /** --shard-timings: recorded suite durations the shards were balanced by */
  timings?: ReadonlyMap<string, number>;
}

// the gate's part of a run is loaded only with --baseline, the results reader only with --shard-timings: a plain run
// does not pay for the gate, its readers and yaml; each export is destructured from its require() because that is
// what knip sees as a use
/* eslint-disable @typescript-eslint/no-require-imports */
async function readShardTimings(config: Config): Promise<ShardTimings> {
  if (config.shardTimings === undefined) return { diagnostics: [] };
  const { readShardTimings: read }: typeof import("./shard-timings") = require("./shard-timings");
  return read(config);
}

async function baselineProblems(config: Config): Promise<DiagnosticBatch | undefined> {
  if (config.baseline === undefined) return undefined;
  const { baselineProblems: problems }: typeof import("./run-gate") = require("./run-gate");
  return problems(config);
}

function gateTheRun(run: GatedRun, outcome: ProjectRunOutcome): Promise<ProjectRunOutcome> | ProjectRunOutcome {
  if (run.options.config.baseline === undefined) return outcome;
  const { gateTheRun: gate }: typeof import("./run-gate") = require("./run-gate");
  return gate(run, outcome);
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Diagnostics that mean the run could not happen (exit 3) rather than that the input is invalid. */
const COULD_NOT_RUN = new Set(["CC_PORT_IN_USE"]);

/**
 * load -> check -> plan -> open targets -> execute -> report, the whole `run` command as a library call.
 * Invalid input comes back as status "invalid" before any target is opened or credential read; a bug of the tool still throws (after
 * the reports of what finished were written).
 */
export async function runProject(options: RunProjectOptions): Promise<ProjectRunOutcome> {
  const sink = createDiagnosticSink(options.onDiagnostics);
  const project = await loadProject(options.config);
  sink.add(project.diagnostics, new Map(project.sources));
  if (hasErrors(project.diagnostics) || !project.contract) return invalid(sink);
  const timed = await readShardTimings(options.config);
  sink.add(timed.diagnostics);
  if (hasErrors(timed.diagnostics)) return invalid(sink);
  const planned = planRun(options.config, project, timed.timings);
  sink.add(planned.diagnostics, new Map(project.sources));
  // the texts were kept for the code frames of loading and planning (the sink's batches keep their own copies of
  // the map); the run does not hold them: a later diagnostic's code frame reads its file again
  project.sources.clear();
  if (!planned.plan || hasErrors(planned.diagnostics)) return invalid(sink);
  const gateInput = await baselineProblems(options.config);
  if (gateInput) {
    sink.add(gateInput.diagnostics, gateInput.sources);
    return invalid(sink);
  }
  const opened = await openTargets(options.config, options.env, project.environments, project.contract);
  if (!opened.open) {
    sink.add(opened.diagnostics);
    return invalid(sink);
  }
  try {
    return await runOpened({ options, project: { ...project, contract: project.contract }, open: opened.open, plan: planned.plan, sink, timings: timed.timings });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    sink.add(e.diagnostics);
    return { ...invalid(sink), ...(e.diagnostics.some((d) => COULD_NOT_RUN.has(d.code)) ? { status: "could-not-run" } : {}) };
  } finally {
    await opened.open.close();
  }
}

/** The input was rejected before anything was sent; the sink holds why. */
function invalid(sink: DiagnosticSink): ProjectRunOutcome {
  return { status: "invalid", written: [], diagnostics: sink.all };
}

async function runOpened(run: ProjectRun): Promise<ProjectRunOutcome> {
  const { config } = run.options;
  const { plan } = run;
  const redactor = runRedactor(run.open, plan);
  const reports = openReports({
    names: config.reporter, outDir: resolve(config.cwd, config.out), redactor, cwd: config.cwd, console: run.options.console,
    header: runHeaderOf(config, run.open, run.project, run.timings), signal: run.options.signal, github: githubOutput(run.options),
  });
  const facts = createFactsListener();
  const executed = await execute(run, plan, { listeners: [facts, ...reports.listeners], close: reports.close }, redactor);
  let result = executed.result;
  if (!executed.crash && run.open.leftovers && !run.options.signal?.aborted) result = withCleanupCheck(result, await run.open.leftovers(), plan, { shard: config.shard });
  const { written, failures } = await reports.finish(result);
  run.sink.add(failures.map((d) => redactDiagnostic(d, redactor)));
  if (executed.crash) throw redactedCrash(executed.crash.error, redactor);
  const verdict = runVerdict(result, run.options.signal?.aborted === true, facts.of(result));
  if (verdict.reason) run.sink.add([redactDiagnostic(verdict.reason, redactor)]);
  const outcome: ProjectRunOutcome = { status: failures.length > 0 ? "could-not-run" : verdict.status, result, written, diagnostics: run.sink.all };
  return gateTheRun({ options: run.options, reports, sink: run.sink }, outcome);
}

/** The verdict's facts of every suite, counted as its steps come (nothing else of them is kept), and of those only the result holds. */
function createFactsListener(): RunEvents & { of(result: RunResult): SuiteFacts[] } {
  const facts = new Map<string, SuiteFacts>();
  let planned: string[] = [];
  const counted = stepBatches<SuiteFacts>({
    begin: () => ({ ran: 0, unreachable: 0 }),
    steps(suite, steps) {
      for (const step of steps) addStepFacts(suite, step);
    },
    end(suite, result) {
      facts.set(result.key, suite);
    },
  });
  return {
    onRunStart(plan) {
      planned = plan.items.map((item) => item.key);
    },
    onStepResult: counted.onStepResult,
    onSuiteEnd: counted.onSuiteEnd,
    of(result) {
      const byKey = new Map(result.suites.map((s) => [s.key, s]));
      return suiteOrder(result, planned, facts.keys()).map((key) => facts.get(key) ?? suiteFacts(byKey.get(key)!));
    },
  };
}

/** Runs the plan; when the runner itself fails, the suites that finished still make a result to report. */
async function execute(run: ProjectRun, plan: Plan, reports: Pick<ReportSession, "listeners" | "close">, redactor: Redactor): Promise<{ result: RunResult; crash?: { error: unknown } }> {
  const { config, signal } = run.options;
  const keepResults = run.options.keepResults !== false;
  const collector = createResultCollector({ keep: keepResults });
  const startedAt = new Date();
  const tool = packageInfo();
  try {
    const result = await runPlan({
      ...withApiVersion(config.apiVersion, { requests: run.project.requests, runVariables: run.open.runVariables, regionVariables: run.open.regionVariables }),
      plan, contract: run.project.contract, targets: run.open.targets,
      options: { ...executeOptions(config), ...(run.open.leftovers ? { tagRequests: true } : {}) }, listeners: [collector, ...reports.listeners], target: run.open.label, toolVersion: tool.version,
      signal, redactor, keepResults,
    });
    return { result };
  } catch (error) {
    reports.close();
    return { result: collector.partial({ tool, target: run.open.label, regions: run.open.regions, strict: config.strict, startedAt }), crash: { error } };
  }
}

/**
 * Every output of the run hides the targets' client secrets and their Basic credentials, and what the inputs hold under
 * secret-like keys, from the first line on (the runner adds tokens and what the exchanges hold).
 */
export function runRedactor(open: OpenTargets, plan?: Plan): Redactor {
  const targets = Object.values(open.targets);
  const redactor = createRedactor([...targets.map((t) => t.clientSecret), ...open.secrets], { pairs: targets.map((t) => [t.clientId, t.clientSecret]) });
  learnRunInputs(redactor, { ...(plan ? { plan } : {}), runVariables: open.runVariables, ...(open.regionVariables ? { regionVariables: open.regionVariables } : {}) });
  return redactor;
}

/** A crash of the runner leaves through the CLI's one line (and its stack with DEBUG=1): hide what only the run knew. */
function redactedCrash(error: unknown, redactor: Redactor): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? redactor.redact(error) : error;
  error.message = redactor.redact(error.message);
  if (error.stack) error.stack = redactor.redact(error.stack);
  return error;
}
