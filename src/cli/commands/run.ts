import { relative, resolve } from "node:path";
import type { ExecuteOptions, RunEvents, RunResult } from "../../model";
import type { Config } from "../../config";
import { createRedactor, hasErrors, makeDiagnostic, type Redactor } from "../../diagnostics";
import { buildPlan } from "../../plan";
import { runPlan } from "../../execute";
import { createConsoleReporter, createJsonReporter, createJunitReporter, createResultCollector, type ConsoleReporter } from "../../report";
import { callbackReachProblem } from "../callback-reach";
import { runVerdict } from "../exit-code";
import { EXIT, type CliIo } from "../io";
import { withCleanupCheck } from "../leftovers";
import { openTargets, type OpenTargets } from "../open-targets";
import { packageInfo } from "../package-info";
import { renderDiagnostics } from "../print-diagnostics";
import { loadProject, type Project } from "../project";

/** `run [SUITE...]`: load, check (exit 2 before sending anything), run the plan, write the reports. */
export async function runCommand(config: Config, io: CliIo): Promise<number> {
  const project = loadProject(config, envFileVariables(config));
  if (project.diagnostics.length > 0) io.err(renderDiagnostics(project.diagnostics, { cwd: config.cwd, sources: project.sources }));
  if (hasErrors(project.diagnostics) || !project.contract) return EXIT.invalid;
  const opened = await openTargets(config, io.env, project.contract);
  if (!opened.open) {
    io.err(renderDiagnostics(opened.diagnostics, { cwd: config.cwd }));
    return EXIT.invalid;
  }
  try {
    return await execute(config, io, project, opened.open);
  } finally {
    await opened.open.close();
  }
}

function envFileVariables(config: Config): string[] {
  // the Postman environment may add variables; their names are only known once it is read, so allow its usual keys
  return config.env ? ["PROJECT", "APP", "CONTACT", "WEBHOOK_ID", "CONVERSATION"] : [];
}

function buildReporters(config: Config, io: CliIo, redactor: Redactor, written: string[]): { listeners: RunEvents[]; console?: ConsoleReporter } {
  const outDir = resolve(config.cwd, config.out);
  const onWritten = (path: string) => {
    const rel = relative(config.cwd, path);
    written.push(rel && !rel.startsWith("..") ? rel : path);
  };
  const listeners: RunEvents[] = [];
  let consoleReporter: ConsoleReporter | undefined;
  for (const name of config.reporter) {
    if (name === "console") {
      const ci = io.env.CI !== undefined && !["", "0", "false"].includes(io.env.CI.toLowerCase());
      const tty = io.stdoutTty && !ci;
      consoleReporter = createConsoleReporter({ write: io.out, tty, color: tty && !config.noColor, redactor, columns: io.columns });
      listeners.push(consoleReporter);
    }
    if (name === "junit") listeners.push(createJunitReporter({ outDir, redactor, onWritten }));
    if (name === "json") listeners.push(createJsonReporter({ outDir, redactor, onWritten }));
  }
  return { listeners, console: consoleReporter };
}

async function execute(config: Config, io: CliIo, project: Project, open: OpenTargets): Promise<number> {
  const plan = buildPlan(project.suites, { regions: open.regions, tags: [...config.tag], grep: config.grep, shard: config.shard });
  const unreachable = callbackReachProblem(config, plan);
  if (unreachable) {
    io.err(renderDiagnostics([unreachable], { cwd: config.cwd, sources: project.sources }));
    return EXIT.invalid;
  }
  if (plan.items.length === 0) io.err(renderDiagnostics([makeDiagnostic("CC_NOTHING_SELECTED", nothingSelected(config))], { cwd: config.cwd }));
  const targets = Object.values(open.targets);
  const redactor = createRedactor(targets.map((t) => t.clientSecret), { pairs: targets.map((t) => [t.clientId, t.clientSecret]) });
  const written: string[] = [];
  const { listeners, console } = buildReporters(config, io, redactor, written);
  const collector = createResultCollector();
  const startedAt = new Date();
  const info = packageInfo();
  let result: RunResult;
  let crashed: unknown;
  try {
    result = await runPlan({
      plan, requests: project.requests, contract: project.contract!, targets: open.targets, runVariables: open.runVariables,
      options: executeOptions(config),
      listeners: [collector, ...listeners.map(withoutRunEnd)], target: open.label, toolVersion: info.version, signal: io.signal,
      redactor,
    });
  } catch (e) {
    crashed = e;
    console?.close();
    result = collector.partial({ tool: info, target: open.label, regions: open.regions, strict: config.strict, startedAt });
  }
  if (crashed === undefined && open.leftovers && !io.signal.aborted) result = withCleanupCheck(result, await open.leftovers());
  const reportFailures = await endRun(listeners, result);
  if (written.length > 0 && config.reporter.includes("console")) io.out(`Reports: ${written.join(", ")}\n`);
  if (reportFailures.length > 0) io.err(renderDiagnostics(reportFailures.map((f) => makeDiagnostic("CC_REPORT_WRITE", f)), { cwd: config.cwd, redactor }));
  if (crashed !== undefined) throw crashed;
  const verdict = runVerdict(result, io.signal.aborted);
  if (verdict.reason) io.err(renderDiagnostics([verdict.reason], { cwd: config.cwd, redactor }));
  return reportFailures.length > 0 ? EXIT.couldNotRun : verdict.code;
}

function nothingSelected(config: Config): string {
  const filters = [
    ...config.tag.map((t) => `--tag ${t}`), config.grep !== undefined ? `--grep ${config.grep}` : "",
    config.region?.length ? `--region ${config.region.join(",")}` : "", config.shard ? `--shard ${config.shard.index}/${config.shard.total}` : "",
  ].filter(Boolean);
  return `no suite selected${filters.length > 0 ? ` by ${filters.join(" ")}` : ""}; nothing was run`;
}

/** The runner's options from the resolved config: --retries N means N + 1 attempts, within --retry-budget-ms. */
export function executeOptions(config: Config): ExecuteOptions {
  return {
    concurrency: config.concurrency, bail: config.bail, strict: config.strict, requestTimeoutMs: config.timeout,
    backoff: { attempts: config.retries + 1, baseDelayMs: 200, maxDelayMs: 5000, maxTotalMs: config.retryBudgetMs },
    ...(config.callbackUrl ? { callbackUrl: config.callbackUrl } : {}),
  };
}

/** The runner must not call onRunEnd itself: endRun calls it once per reporter so one failure cannot lose another report. */
function withoutRunEnd(listener: RunEvents): RunEvents {
  const { onRunEnd: _ignored, ...rest } = listener;
  return rest;
}

async function endRun(listeners: RunEvents[], result: RunResult): Promise<string[]> {
  const failures: string[] = [];
  for (const l of listeners) {
    try {
      await l.onRunEnd?.(result);
    } catch (e) {
      failures.push(`could not write a report: ${(e as Error).message}`);
    }
  }
  return failures;
}
