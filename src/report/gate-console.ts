import type { AcceptEntry, GateFinding, GateReport } from "../model";
import type { Redactor } from "../diagnostics";
import { acceptanceText, comparedSteps, groupFindings, runText, selectorText, subjectOf, whereOf } from "./gate-text";
import { createStyle, type Style } from "./style";

/** Options of the gate's console summary. */
export interface GateConsoleOptions {
  redactor: Redactor;
  style?: Style;
  /** findings shown per group; the rest are counted ("and 12 more in gate.json") */
  limit?: number;
}

const DEFAULT_LIMIT = 50;

/**
 * The gate as the console shows it: both runs, then the findings grouped (regressions first, each with its
 * step's file:line and fingerprint), accepted findings and stale accept entries, and a one-line verdict last.
 */
export function formatGateConsole(report: GateReport, opts: GateConsoleOptions): string {
  const style = opts.style ?? createStyle(false);
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const groups = groupFindings(report.findings);
  const lines = [
    `baseline:  ${runText(report.baseline)}`,
    `candidate: ${runText(report.candidate)}`,
    `compared ${comparedSteps(report)} steps in ${report.compared.length} suites`,
  ];
  const section = (title: string, items: GateFinding[], mark: string, color: (t: string) => string) => {
    if (items.length === 0) return;
    lines.push("", style.bold(`${title} (${items.length})`));
    for (const f of items.slice(0, limit)) lines.push(...findingLines(f, mark, color, style));
    if (items.length > limit) lines.push(style.dim(`  … and ${items.length - limit} more in gate.json`));
  };
  section("Regressions", groups.regressions, "✗", style.red);
  section("Changes", groups.changes, "~", style.yellow);
  section("Improvements", groups.improvements, "✓", style.green);
  section("Accepted", groups.accepted, "=", style.dim);
  staleLines(report.stale, lines, style);
  const color = report.verdict.passed ? (report.verdict.overridden ? style.yellow : style.green) : style.red;
  lines.push("", style.bold(color(report.verdict.summary)));
  return opts.redactor.redact(lines.join("\n") + "\n");
}

function findingLines(f: GateFinding, mark: string, color: (t: string) => string, style: Style): string[] {
  const path = f.path ? ` ${f.path}` : "";
  const out = [`  ${color(mark)} ${color(f.class)}  ${subjectOf(f)}${path}`, `      ${f.message}`];
  const where = whereOf(f);
  out.push(style.dim(`      ${where ? `${where}  ` : ""}fingerprint ${f.fingerprint}`));
  const acceptance = acceptanceText(f);
  if (acceptance) out.push(`      ${f.acceptance?.status === "expired" ? style.red(acceptance) : style.dim(acceptance)}`);
  return out;
}

function staleLines(stale: AcceptEntry[], lines: string[], style: Style): void {
  if (stale.length === 0) return;
  lines.push("", style.bold(`Stale accept entries (${stale.length}): they matched nothing`));
  for (const e of stale) lines.push(`  ${e.file}:${e.line}:${e.column}  ${selectorText(e)}  (${e.reason}, until ${e.until})`);
}
