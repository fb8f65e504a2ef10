import type { ArrivedCallback, CheckFailure, Exchange, ResponseReason, StepResult, SuiteResult, Violation } from "../model";
import type { Style } from "./style";

/** "file:line" of a step, where a person fixes it: the line of its first failed expectation, else the step's own. */
export function stepLocation(step: StepResult): string {
  return `${step.file}:${step.failures[0]?.line ?? step.line}`;
}

/** "Suite name [region] › step name". */
export function stepTitle(suite: Pick<SuiteResult, "name" | "region">, step: StepResult): string {
  const phase = step.phase === "steps" ? "" : `${step.phase}: `;
  return `${suite.name} [${suite.region}] › ${phase}${step.name}`;
}

function formatViolation(v: Violation): string {
  const at = v.instancePath === "" ? "(root)" : v.instancePath;
  const actual = v.actual !== undefined ? `, actual: ${v.actual}` : "";
  return `${at}: ${v.keyword}: ${v.message}${actual}`;
}

/**
 * One failed check in one line, led by the path it concerns and followed by what the response said:
 * "$.status: expected \"DELIVERED\", got \"QUEUED\"", "expected status 200, got 400: Invalid argument (INVALID_ARGUMENT)".
 */
export function failureSummary(f: CheckFailure): string {
  const said = f.reason?.message ? `: ${f.reason.message}` : "";
  return `${f.path ? `${f.path}: ` : ""}${f.message}${said}`;
}

/** How many callbacks that arrived in vain a failure lists (the reports keep them all). */
const ARRIVED_SHOWN = 10;

/**
 * The lines that explain one failed check: kind, path, schema and message, where the expectation is written
 * (with the suite's `file`), expected/actual, what the response said, every schema violation, and the callbacks
 * that arrived instead of the one awaited.
 */
export function formatFailure(f: CheckFailure, file?: string): string[] {
  const where = f.path ? ` at ${f.path}` : "";
  const schema = f.schema ? ` (schema ${f.schema})` : "";
  const lines = [`${f.kind}${where}${schema}: ${f.message}`];
  if (file !== undefined && f.line !== undefined) lines.push(`  --> ${file}:${f.line}:${f.column ?? 1}`);
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push(`  expected: ${f.expected ?? "-"}`, `  actual:   ${f.actual ?? "-"}`);
  }
  if (f.reason) lines.push(...reasonLines(f.reason));
  for (const v of f.violations ?? []) lines.push(`  ${formatViolation(v)}`);
  if (f.arrived) lines.push(...arrivedLines(f.arrived));
  return lines;
}

function reasonLines(reason: ResponseReason): string[] {
  const lines = reason.message !== undefined ? [`  response: ${reason.message}`] : [];
  for (const v of reason.fieldViolations ?? []) lines.push(`    ${v.field || "(request)"}: ${v.description}`);
  if (reason.body !== undefined) lines.push(`  response body: ${reason.body}`);
  return lines;
}

function arrivedLines(arrived: ArrivedCallback[]): string[] {
  const lines = arrived.slice(0, ARRIVED_SHOWN).flatMap((cb, i) => {
    if (i > 0 || !cb.differs) return [`  arrived: ${cb.trigger}`];
    return [`  arrived: ${cb.trigger} (closest; differs at ${cb.differs.join("; ")})`, `    ${cb.body}`];
  });
  if (arrived.length > ARRIVED_SHOWN) lines.push(`  ... and ${arrived.length - ARRIVED_SHOWN} more (every one is in results.json)`);
  return lines;
}

/** Every detail of a failed or errored step, indented by `indent`. */
export function formatStepDetails(step: StepResult, style: Style, indent: string): string[] {
  const lines: string[] = [];
  if (step.error) lines.push(style.red(`error ${step.error.code}: ${step.error.message}`));
  for (const f of step.failures) {
    const [first, ...rest] = formatFailure(f, step.file);
    lines.push(style.red(first ?? ""), ...rest);
  }
  const req = step.exchange?.request;
  if (req) {
    const status = step.status !== undefined ? ` -> ${step.status}` : "";
    lines.push(style.dim(`${req.method} ${req.url}${status}`));
  }
  return lines.map((l) => indent + l);
}

/** A (redacted) request as "> " lines and its response as "< " lines: method and URL, headers, body. */
export function exchangeLines(ex: Exchange): string[] {
  const lines = [`> ${ex.request.method} ${ex.request.url}`];
  for (const [k, v] of Object.entries(ex.request.headers)) lines.push(`> ${k}: ${v}`);
  if (ex.request.body) lines.push(`> ${ex.request.body}`);
  if (!ex.response) return [...lines, "< (no response)"];
  lines.push(`< ${ex.response.status}`);
  for (const [k, v] of Object.entries(ex.response.headers)) lines.push(`< ${k}: ${v}`);
  if (ex.response.body) lines.push(`< ${ex.response.body}`);
  return lines;
}
