import type { CheckFailure, StepResult, SuiteResult, Violation } from "../model";
import type { Style } from "./style";

/** "file:line" of a step, where a person fixes it. */
export function stepLocation(step: StepResult): string {
  return `${step.file}:${step.line}`;
}

/** "Suite name [region] › step name". */
export function stepTitle(suite: SuiteResult, step: StepResult): string {
  const phase = step.phase === "steps" ? "" : `${step.phase}: `;
  return `${suite.name} [${suite.region}] › ${phase}${step.name}`;
}

function formatViolation(v: Violation): string {
  const at = v.instancePath === "" ? "(root)" : v.instancePath;
  const actual = v.actual !== undefined ? `, actual: ${v.actual}` : "";
  return `${at}: ${v.keyword}: ${v.message}${actual}`;
}

/** One failed check in one line, led by the path it concerns: "$.status: expected \"DELIVERED\", got \"QUEUED\"". */
export function failureSummary(f: CheckFailure): string {
  return f.path ? `${f.path}: ${f.message}` : f.message;
}

/** The lines that explain one failed check: kind, path, schema and message, expected/actual, and every schema violation. */
export function formatFailure(f: CheckFailure): string[] {
  const where = f.path ? ` at ${f.path}` : "";
  const schema = f.schema ? ` (schema ${f.schema})` : "";
  const lines = [`${f.kind}${where}${schema}: ${f.message}`];
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push(`  expected: ${f.expected ?? "-"}`, `  actual:   ${f.actual ?? "-"}`);
  }
  for (const v of f.violations ?? []) lines.push(`  ${formatViolation(v)}`);
  return lines;
}

/** Every detail of a failed or errored step, indented by `indent`. */
export function formatStepDetails(step: StepResult, style: Style, indent: string): string[] {
  const lines: string[] = [];
  if (step.error) lines.push(style.red(`error ${step.error.code}: ${step.error.message}`));
  for (const f of step.failures) {
    const [first, ...rest] = formatFailure(f);
    lines.push(style.red(first ?? ""), ...rest);
  }
  const req = step.exchange?.request;
  if (req) {
    const status = step.status !== undefined ? ` -> ${step.status}` : "";
    lines.push(style.dim(`${req.method} ${req.url}${status}`));
  }
  return lines.map((l) => indent + l);
}

/** Steps a closing summary names as failing: contract failures and tool errors. */
export function isBad(step: StepResult): boolean {
  return step.outcome === "failed" || step.outcome === "error";
}
