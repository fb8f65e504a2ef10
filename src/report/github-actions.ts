import { appendFileSync } from "node:fs";
import type { RunEvents, RunResult, StepResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { failureSummary, stepTitle } from "./format-step";
import { formatDuration } from "./style";
import { suiteOrder } from "./suite-order";
import { stepBatches } from "./step-batches";
import { isBad } from "../vocabulary/run-totals";

/*
 * GitHub Actions reads workflow commands from a step's stdout: `::error file=F,line=L,col=C,title=T::MESSAGE` puts an
 * annotation on line L of F in the run's summary and in a pull request's diff. Values are escaped as the runner
 * expects (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts): % CR LF in the message, and
 * also : and , in properties.
 */

/** Where a run inside GitHub Actions sends what GitHub shows. */
export interface GithubActionsOutput {
  /** with GITHUB_ACTIONS=true: stdout, where the annotations go */
  annotate?(text: string): void;
  /** $GITHUB_STEP_SUMMARY, when set: the run's summary is appended there as Markdown */
  stepSummary?: string;
}

const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** What GitHub is told of a suite: its name and region, for the titles of its steps. */
type SuiteName = Pick<SuiteResult, "name" | "region">;

/** A failed or errored step and the suite it belongs to. */
interface FailingStep {
  suite: SuiteName;
  step: StepResult;
}

/** One `::error` annotation for a failed or errored step, at its line of its suite file; the text is redacted. */
export function stepAnnotation(suite: SuiteName, step: StepResult, redactor: Redactor): string {
  const message = step.outcome === "error"
    ? `${step.error?.code ?? "CC_ERROR"}: ${step.error?.message ?? "the step could not run"}`
    : step.failures.map(failureSummary).join("\n") || "contract check failed";
  const props = [`file=${step.file}`, `line=${step.line}`, `col=${step.column}`, `title=${stepTitle(suite, step)}`].map((p) => {
    const eq = p.indexOf("=");
    return `${p.slice(0, eq)}=${escapeProperty(redactor.redact(p.slice(eq + 1)))}`;
  });
  return `::error ${props.join(",")}::${escapeData(redactor.redact(message))}\n`;
}

/** The run as Markdown for $GITHUB_STEP_SUMMARY: the totals, then a row per failed or errored step. */
export function runSummaryMarkdown(result: RunResult, redactor: Redactor): string {
  return summaryMarkdown(result, failingSteps(result.suites), redactor);
}

function summaryMarkdown(result: Omit<RunResult, "suites">, failing: FailingStep[], redactor: Redactor): string {
  const t = result.totals;
  const lines = [
    `### conversation-contract: ${failing.length === 0 ? "passed" : `${t.failed} failed, ${t.errors} errors`}`,
    "",
    `Target \`${result.target}\`, regions ${result.regions.join(", ")}: ${t.suites} suites, ${t.steps} steps, ${t.passed} passed, ` +
      `${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped, ${t.flaky} flaky, ${t.drift} drift warnings (${formatDuration(result.durationMs)}).`,
  ];
  if (failing.length > 0) {
    lines.push("", "| step | where | what |", "|---|---|---|");
    for (const { suite, step } of failing) {
      const what = step.outcome === "error" ? (step.error?.code ?? "error") : step.failures.map(failureSummary).join("; ");
      lines.push(`| ${cell(stepTitle(suite, step))} | \`${cell(`${step.file}:${step.line}`)}\` | ${cell(what)} |`);
    }
  }
  return redactor.redact(`${lines.join("\n")}\n\n`);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function failingSteps(suites: SuiteResult[]): FailingStep[] {
  return suites.flatMap((suite) => suite.steps.filter(isBad).map((step) => ({ suite: { name: suite.name, region: suite.region }, step })));
}

/** At the end of a run (or a merge): an annotation per failing step on stdout, and the summary appended to $GITHUB_STEP_SUMMARY. */
export function reportToGithub(result: RunResult, output: GithubActionsOutput, redactor: Redactor): void {
  githubReport(result, failingSteps(result.suites), output, redactor);
}

function githubReport(result: Omit<RunResult, "suites">, failing: FailingStep[], output: GithubActionsOutput, redactor: Redactor): void {
  const annotations = failing.map(({ suite, step }) => stepAnnotation(suite, step, redactor));
  if (output.annotate && annotations.length > 0) output.annotate(annotations.join(""));
  if (output.stepSummary) appendFileSync(output.stepSummary, summaryMarkdown(result, failing, redactor));
}

/**
 * The same for a run whose steps come one by one: only the failed and errored steps are kept (with their suite's
 * name; a suite stops at its first, so one plus its teardown), and at the end they are told in the run's order.
 */
export function createGithubReporter(output: GithubActionsOutput, redactor: Redactor): RunEvents {
  const failing = new Map<string, FailingStep[]>();
  let planned: string[] = [];
  const suites = stepBatches<StepResult[]>({
    begin: () => [],
    steps(kept, steps) {
      kept.push(...steps.filter(isBad));
    },
    end(kept, result) {
      failing.set(result.key, kept.map((step) => ({ suite: { name: result.name, region: result.region }, step })));
    },
  });
  return {
    onRunStart(plan) {
      planned = plan.items.map((item) => item.key);
    },
    onStepResult: suites.onStepResult,
    onSuiteEnd: suites.onSuiteEnd,
    onRunEnd(result) {
      const byKey = new Map(result.suites.map((s) => [s.key, s]));
      const steps = suiteOrder(result, planned, failing.keys()).flatMap((key) => failing.get(key) ?? failingSteps([byKey.get(key)!]));
      githubReport(result, steps, output, redactor);
    },
  };
}
