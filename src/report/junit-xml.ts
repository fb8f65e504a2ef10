import type { RunResult, StepResult, SuiteResult } from "../model";
import { exchangeLines, failureSummary, formatFailure } from "./format-step";
import { formatDuration } from "./style";
import { attrs, element, escapeText } from "./xml-writer";

/*
 * Shape forced by the JUnit XSD (src/testdata/junit/JUnit.xsd):
 * - root `testsuites`; each child `testsuite` needs `id` (0, 1, ...) and `package`;
 * - a testsuite holds, in order, exactly one `properties`, the `testcase`s, one `system-out`, one `system-err`;
 * - `testsuite@timestamp` has no fraction and no time zone;
 * - a `testcase` allows only one of skipped|error|failure and no properties or system-out of its own, so each
 *   step's properties (region, request, status, duration, attempts, drift) and, on failure, its redacted
 *   request and response go into the suite's `system-out` as "property: value" lines under "[step name]".
 */

/** Context of the JUnit builder. */
export interface JunitContext {
  hostname: string;
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function caseName(step: StepResult): string {
  return step.phase === "steps" ? step.name : `${step.phase}: ${step.name}`;
}

/** How each record is redacted on its way into the document: a suite's own fields, then each step. */
export interface JunitRedaction {
  suite(suite: SuiteResult): Omit<SuiteResult, "steps">;
  step(step: StepResult): StepResult;
}

const AS_IS: JunitRedaction = { suite: (suite) => suite, step: (step) => step };

/** The JUnit document of an (already redacted) run result. */
export function buildJunitXml(result: RunResult, ctx: JunitContext): string {
  const parts: string[] = [];
  writeJunitXml(result, ctx, (chunk) => parts.push(chunk));
  return parts.join("");
}

/**
 * The JUnit document, chunk by chunk (a suite's head, then a test case per step, then its system-out), each record
 * redacted as it is written: no whole copy of the run is made, however many steps it has.
 */
export function writeJunitXml(result: RunResult, ctx: JunitContext, write: (chunk: string) => void, redact: JunitRedaction = AS_IS): void {
  write(junitOpening(result.suites.length === 0));
  if (result.suites.length === 0) return;
  result.suites.forEach((suite, id) => writeSuite(suite, { id, ctx, write, redact }));
  write(JUNIT_CLOSING);
}

/** What writing one suite needs besides the suite. */
interface SuiteWriting {
  id: number;
  ctx: JunitContext;
  write: (chunk: string) => void;
  redact: JunitRedaction;
}

function writeSuite(suite: SuiteResult, { id, ctx, write, redact }: SuiteWriting): void {
  write(suiteHead(redact.suite(suite), countSteps(suite.steps), id, ctx));
  // the XSD puts system-out after every test case: each step's lines wait there, escaped, until the cases are out
  const outputs: string[] = [];
  writeSuiteSteps(suite, suite.steps, 0, { cases: write, outputs: (text) => outputs.push(text) }, redact);
  write(systemOut(outputs.length > 0));
  for (const text of outputs) write(text);
  write(suiteTail(outputs.length > 0));
}

/** How many of a suite's steps the head counts as tests, failures, errors and skipped. */
export interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** The counts of a suite's head; given `counts`, the steps are added to them (a suite whose steps come a few at a time). */
export function countSteps(steps: StepResult[], counts: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 }): SuiteCounts {
  counts.tests += steps.length;
  for (const s of steps) {
    if (s.outcome === "failed") counts.failures += 1;
    else if (s.outcome === "error") counts.errors += 1;
    else if (s.outcome === "skipped") counts.skipped += 1;
  }
  return counts;
}

/** Where a suite's parts go: the test cases, and each step's lines for the suite's system-out (led by a newline but the first). */
export interface SuiteSinks {
  cases(chunk: string): void;
  outputs(text: string): void;
}

/**
 * Test cases and system-out lines of a suite's `steps`, each step redacted as it is written; `first`: the place of
 * the first of them in the suite (the steps of a long suite come a few at a time).
 */
export function writeSuiteSteps(suite: Pick<SuiteResult, "suiteId" | "region">, steps: StepResult[], first: number, sinks: SuiteSinks, redact: JunitRedaction = AS_IS): void {
  const classname = `${suite.suiteId}.${suite.region}`;
  steps.forEach((raw, i) => {
    const step = redact.step(raw);
    sinks.cases(caseXml(step, classname));
    const text = escapeText(stepOutput(step));
    sinks.outputs(first + i === 0 ? text : `\n${text}`);
  });
}

/** What comes between a suite's test cases and its system-out lines. */
export function systemOut(hasOutput: boolean): string {
  return hasOutput ? "    <system-out>" : "    <system-out/>\n";
}

/** What closes a suite after its system-out lines. */
export function suiteTail(hasOutput: boolean): string {
  return `${hasOutput ? "</system-out>\n" : ""}    <system-err/>\n  </testsuite>\n`;
}

/** The start of the document, before its suites; `empty`: a run without suites. */
export function junitOpening(empty: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${empty ? "<testsuites/>\n" : "<testsuites>\n"}`;
}

/** The end of the document after its suites. */
export const JUNIT_CLOSING = "</testsuites>\n";

/** A suite's opening tag and properties; `id` is its place in the document (0, 1, ...). */
export function suiteHead(suite: Omit<SuiteResult, "steps">, counts: SuiteCounts, id: number, ctx: JunitContext): string {
  const head = attrs({
    name: `${suite.name} [${suite.region}]`,
    tests: String(counts.tests),
    failures: String(counts.failures),
    errors: String(counts.errors),
    skipped: String(counts.skipped),
    time: seconds(suite.durationMs),
    timestamp: suite.startedAt.slice(0, 19),
    hostname: ctx.hostname || "localhost",
    id: String(id),
    package: `conversation-contract.${suite.suiteId}`,
  });
  const parts = [`  <testsuite${head}>\n`, "    <properties>\n"];
  const properties = [["region", suite.region], ["file", suite.file], ["suite", suite.key]];
  // the XSD has no attribute for a suite cut short; a property says it, as results.json's "interrupted": true does
  if (suite.interrupted) properties.push(["interrupted", "true"]);
  for (const [name, value] of properties) {
    parts.push(element("      ", "property", { name: name!, value: value! }));
  }
  parts.push("    </properties>\n");
  return parts.join("");
}

function caseXml(step: StepResult, classname: string): string {
  const open = { name: caseName(step), classname, time: seconds(step.durationMs) };
  const child = caseChild(step);
  if (!child) return element("    ", "testcase", open);
  return `    <testcase${attrs(open)}>\n${child}    </testcase>\n`;
}

function caseChild(step: StepResult): string | undefined {
  const at = step.failures[0];
  const where = at?.line !== undefined ? `${step.file}:${at.line}:${at.column ?? 1}` : `${step.file}:${step.line}:${step.column}`;
  if (step.outcome === "failed") {
    const kinds = [...new Set(step.failures.map((f) => f.kind))];
    const first = step.failures[0] ? failureSummary(step.failures[0]) : "contract check failed";
    const message = step.failures.length > 1 ? `${first} (and ${step.failures.length - 1} more)` : first;
    const text = [where, ...step.failures.flatMap((f) => formatFailure(f, step.file))].join("\n");
    return element("      ", "failure", { message, type: kinds.join(",") || "failure" }, text);
  }
  if (step.outcome === "error") {
    const code = step.error?.code ?? "CC_ERROR";
    const message = step.error?.message ?? "the step could not run";
    return element("      ", "error", { message, type: code }, `${where}\n${code}: ${message}`);
  }
  if (step.outcome === "skipped") return element("      ", "skipped", step.skipReason ? { message: step.skipReason } : {});
  return undefined;
}

function stepOutput(step: StepResult): string {
  const lines = [
    `[${caseName(step)}] ${step.outcome}`,
    `request: ${step.request}`,
    `status: ${step.status ?? "-"}`,
    `duration: ${formatDuration(step.durationMs)}`,
    `attempts: ${step.attempts.length}`,
  ];
  if (step.drift.length > 0) lines.push(`drift: ${step.drift.map((d) => `${d.instancePath || "(root)"} (${d.schema})`).join(", ")}`);
  if ((step.outcome === "failed" || step.outcome === "error") && step.exchange) lines.push(...exchangeLines(step.exchange));
  return lines.join("\n") + "\n";
}
