import { resolve } from "node:path";
import type { Diagnostic, Plan, RunResult } from "../model";
import type { Config } from "../config";
import { createRedactor, DiagnosticError, hasErrors, makeDiagnostic, type Redactor } from "../diagnostics";
import { buildPlan } from "../plan";
import { runPlan } from "../execute";
import { createResultCollector, openReports, type ConsoleOutput, type ReportSession } from "../report";
import { callbackReachProblem } from "../check/callback-reach";
import { createDiagnosticSink, redactDiagnostic, type DiagnosticBatch, type DiagnosticSink } from "./diagnostic-sink";
import { executeOptions } from "./execute-options";
import { withCleanupCheck } from "./leftovers";
import { loadProject, type Project } from "./load-project";
import { openTargets, type OpenTargets } from "./open-targets";
import { packageInfo } from "./package-info";
import { runVerdict, type ProjectStatus } from "./verdict";
import { requestsForVersion, runVariablesForVersion } from "./api-version";
import { describeRun } from "./run-description";

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
}

/** How a project run ended; it never prints: the reporters wrote the output, the diagnostics are data. */
export interface ProjectRunOutcome {
  status: ProjectStatus;
  /** the finished (or interrupted) run; absent when the input was invalid and nothing was sent */
  result?: RunResult;
  /** report files written, relative to config.cwd when inside it */
  written: string[];
  /** every diagnostic, in the order given to onDiagnostics */
  diagnostics: Diagnostic[];
}

/** One run in progress: what every stage after opening the targets needs. */
interface ProjectRun {
  options: RunProjectOptions;
  project: Project & { contract: NonNullable<Project["contract"]> };
  open: OpenTargets;
  sink: DiagnosticSink;
}

/**
 * load -> check -> open targets -> plan -> execute -> report, the whole `run` command as a library call.
 * Invalid input comes back as status "invalid" before anything is sent; a bug of the tool still throws (after
 * the reports of what finished were written).
 */
export async function runProject(options: RunProjectOptions): Promise<ProjectRunOutcome> {
  const sink = createDiagnosticSink(options.onDiagnostics);
  const project = loadProject(options.config, envFileVariables(options.config));
  sink.add(project.diagnostics, project.sources);
  if (hasErrors(project.diagnostics) || !project.contract) return invalid(sink);
  const opened = await openTargets(options.config, options.env, project.contract);
  if (!opened.open) {
    sink.add(opened.diagnostics);
    return invalid(sink);
  }
  try {
    return await runOpened({ options, project: { ...project, contract: project.contract }, open: opened.open, sink });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    sink.add(e.diagnostics, project.sources);
    return invalid(sink);
  } finally {
    await opened.open.close();
  }
}

/** The input was rejected before anything was sent; the sink holds why. */
function invalid(sink: DiagnosticSink): ProjectRunOutcome {
  return { status: "invalid", written: [], diagnostics: sink.all };
}

function envFileVariables(config: Config): string[] {
  // the Postman environment may add variables; their names are only known once it is read, so allow its usual keys
  return config.env ? ["PROJECT", "APP", "CONTACT", "WEBHOOK_ID", "CONVERSATION"] : [];
}

async function runOpened(run: ProjectRun): Promise<ProjectRunOutcome> {
  const { config } = run.options;
  const plan = buildPlan(run.project.suites, { regions: run.open.regions, tags: [...config.tag], grep: config.grep, shard: config.shard });
  const unreachable = callbackReachProblem(config, plan);
  if (unreachable) {
    run.sink.add([unreachable], run.project.sources);
    return invalid(run.sink);
  }
  if (plan.items.length === 0) run.sink.add([makeDiagnostic("CC_NOTHING_SELECTED", nothingSelected(config))]);
  const redactor = runRedactor(run.open);
  const reports = openReports({
    names: config.reporter, outDir: resolve(config.cwd, config.out), redactor, cwd: config.cwd, console: run.options.console,
    run: describeRun(config, run.open, run.project.suites), signal: run.options.signal,
  });
  const executed = await execute(run, plan, reports, redactor);
  let result = executed.result;
  if (!executed.crash && run.open.leftovers && !run.options.signal?.aborted) result = withCleanupCheck(result, await run.open.leftovers());
  const { written, failures } = await reports.finish(result);
  run.sink.add(failures.map((d) => redactDiagnostic(d, redactor)));
  if (executed.crash) throw executed.crash.error;
  const verdict = runVerdict(result, run.options.signal?.aborted === true);
  if (verdict.reason) run.sink.add([redactDiagnostic(verdict.reason, redactor)]);
  return { status: failures.length > 0 ? "could-not-run" : verdict.status, result, written, diagnostics: run.sink.all };
}

/** Runs the plan; when the runner itself fails, the suites that finished still make a result to report. */
async function execute(run: ProjectRun, plan: Plan, reports: ReportSession, redactor: Redactor): Promise<{ result: RunResult; crash?: { error: unknown } }> {
  const { config, signal } = run.options;
  const collector = createResultCollector();
  const startedAt = new Date();
  const tool = packageInfo();
  try {
    const result = await runPlan({
      plan, requests: requestsForVersion(run.project.requests, config.apiVersion), contract: run.project.contract, targets: run.open.targets,
      runVariables: runVariablesForVersion(run.open.runVariables, config.apiVersion),
      options: executeOptions(config), listeners: [collector, ...reports.listeners], target: run.open.label, toolVersion: tool.version,
      signal, redactor,
    });
    return { result };
  } catch (error) {
    reports.close();
    return { result: collector.partial({ tool, target: run.open.label, regions: run.open.regions, strict: config.strict, startedAt }), crash: { error } };
  }
}

/** Every output of the run hides the targets' client secrets and their Basic credentials (the runner adds tokens). */
function runRedactor(open: OpenTargets): Redactor {
  const targets = Object.values(open.targets);
  return createRedactor(targets.map((t) => t.clientSecret), { pairs: targets.map((t) => [t.clientId, t.clientSecret]) });
}

function nothingSelected(config: Config): string {
  const filters = [
    ...config.tag.map((t) => `--tag ${t}`), config.grep !== undefined ? `--grep ${config.grep}` : "",
    config.region?.length ? `--region ${config.region.join(",")}` : "", config.shard ? `--shard ${config.shard.index}/${config.shard.total}` : "",
  ].filter(Boolean);
  return `no suite selected${filters.length > 0 ? ` by ${filters.join(" ")}` : ""}; nothing was run`;
}
