import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Exchange, RunResult, StepResult, SuiteResult } from "../model";
import { formatFailure } from "./format-step";
import { formatDuration } from "./style";

/*
 * Shape forced by reference/junit/JUnit.xsd:
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

const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (text: string) => text.replace(INVALID_XML, "\uFFFD");
const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function caseName(step: StepResult): string {
  return step.phase === "steps" ? step.name : `${step.phase}: ${step.name}`;
}

/** The JUnit document of an (already redacted) run result. */
export function buildJunitXml(result: RunResult, ctx: JunitContext): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites");
  result.suites.forEach((suite, id) => addSuite(root, suite, id, ctx));
  return root.end({ prettyPrint: true }) + "\n";
}

function addSuite(root: XMLBuilder, suite: SuiteResult, id: number, ctx: JunitContext): void {
  const count = (o: string) => suite.steps.filter((s) => s.outcome === o).length;
  const el = root.ele("testsuite", {
    name: clean(`${suite.name} [${suite.region}]`),
    tests: String(suite.steps.length),
    failures: String(count("failed")),
    errors: String(count("error")),
    skipped: String(count("skipped")),
    time: seconds(suite.durationMs),
    timestamp: suite.startedAt.slice(0, 19),
    hostname: ctx.hostname || "localhost",
    id: String(id),
    package: clean(`conversation-contract.${suite.suiteId}`),
  });
  const props = el.ele("properties");
  for (const [name, value] of [["region", suite.region], ["file", suite.file], ["suite", suite.key]] as const) {
    props.ele("property", { name, value: clean(value) });
  }
  for (const step of suite.steps) addCase(el, suite, step);
  el.ele("system-out").txt(clean(suite.steps.map(stepOutput).join("\n")));
  el.ele("system-err").txt("");
}

function addCase(el: XMLBuilder, suite: SuiteResult, step: StepResult): void {
  const tc = el.ele("testcase", { name: clean(caseName(step)), classname: clean(`${suite.suiteId}.${suite.region}`), time: seconds(step.durationMs) });
  if (step.outcome === "failed") {
    const kinds = [...new Set(step.failures.map((f) => f.kind))];
    const first = step.failures[0]?.message ?? "contract check failed";
    const message = step.failures.length > 1 ? `${first} (and ${step.failures.length - 1} more)` : first;
    const text = [`${step.file}:${step.line}:${step.column}`, ...step.failures.flatMap(formatFailure)].join("\n");
    tc.ele("failure", { message: clean(message), type: kinds.join(",") || "failure" }).txt(clean(text));
  } else if (step.outcome === "error") {
    const code = step.error?.code ?? "CC_ERROR";
    const message = step.error?.message ?? "the step could not run";
    tc.ele("error", { message: clean(message), type: code }).txt(clean(`${step.file}:${step.line}:${step.column}\n${code}: ${message}`));
  } else if (step.outcome === "skipped") {
    tc.ele("skipped", step.skipReason ? { message: clean(step.skipReason) } : {});
  }
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

function exchangeLines(ex: Exchange): string[] {
  const lines = [`> ${ex.request.method} ${ex.request.url}`];
  for (const [k, v] of Object.entries(ex.request.headers)) lines.push(`> ${k}: ${v}`);
  if (ex.request.body) lines.push(`> ${ex.request.body}`);
  if (ex.response) {
    lines.push(`< ${ex.response.status}`);
    for (const [k, v] of Object.entries(ex.response.headers)) lines.push(`< ${k}: ${v}`);
    if (ex.response.body) lines.push(`< ${ex.response.body}`);
  }
  return lines;
}
