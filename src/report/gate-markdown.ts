import type { AcceptEntry, GateFinding, GateReport } from "../model";
import type { Redactor } from "../diagnostics";
import { acceptanceText, comparedSteps, groupFindings, runText, selectorText, stepNameOf, whereOf } from "./gate-text";

/** File name of the gate's Markdown summary. */
export const GATE_MARKDOWN = "gate.md";

/** Rows per table: a pull-request comment holds at most 65,536 characters. */
const REGRESSION_ROWS = 100;
const OTHER_ROWS = 30;

/**
 * gate.md: a summary fit for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict, both runs, a table of
 * regressions, and collapsible sections for changes, improvements, accepted findings and stale accept entries.
 */
export function buildGateMarkdown(report: GateReport, redactor: Redactor): string {
  const groups = groupFindings(report.findings);
  const { verdict } = report;
  const icon = verdict.passed ? (verdict.overridden ? "⚠️" : "✅") : "❌";
  const out = [
    `## ${icon} Regression gate: ${verdict.passed ? (verdict.overridden ? "passed (warn-only)" : "passed") : "failed"}`,
    "",
    `**${text(verdict.summary)}**`,
    "",
    `- baseline: ${text(runText(report.baseline))}`,
    `- candidate: ${text(runText(report.candidate))}`,
    `- compared ${comparedSteps(report)} steps in ${report.compared.length} suites`,
    "",
  ];
  if (groups.regressions.length > 0) out.push(`### Regressions (${groups.regressions.length})`, "", ...table(groups.regressions, REGRESSION_ROWS), "");
  details(out, "Changes", groups.changes);
  details(out, "Improvements", groups.improvements);
  details(out, "Accepted", groups.accepted);
  staleSection(out, report.stale);
  return redactor.redact(out.join("\n"));
}

function details(out: string[], title: string, findings: GateFinding[]): void {
  if (findings.length === 0) return;
  out.push(`<details><summary>${title} (${findings.length})</summary>`, "", ...table(findings, OTHER_ROWS), "", "</details>", "");
}

function table(findings: GateFinding[], rows: number): string[] {
  const lines = ["| Finding | Subject | Path | Baseline | Candidate | Where | Fingerprint |", "|---|---|---|---|---|---|---|"];
  for (const f of findings.slice(0, rows)) {
    const subject = f.kind === "step" ? `${f.suiteKey} › ${stepNameOf(f)}` : (f.suiteKey ?? f.operationId ?? f.region ?? "");
    const note = acceptanceText(f);
    const finding = `${f.class}<br>${text(f.message)}${note ? `<br>_${text(note)}_` : ""}`;
    lines.push(row([finding, text(subject), code(f.path), text(f.baseline ?? ""), text(f.candidate ?? ""), text(whereOf(f)), code(f.fingerprint)]));
  }
  if (findings.length > rows) lines.push("", `…and ${findings.length - rows} more in gate.json.`);
  return lines;
}

function staleSection(out: string[], stale: AcceptEntry[]): void {
  if (stale.length === 0) return;
  out.push(`<details><summary>Stale accept entries (${stale.length})</summary>`, "", "| Entry | Selects | Reason | Until |", "|---|---|---|---|");
  for (const e of stale) out.push(row([text(`${e.file}:${e.line}`), code(selectorText(e)), text(e.reason), text(e.until)]));
  out.push("", "</details>", "");
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** Text safe in a table cell: no HTML, no cell breaks, one line. */
function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A code span safe in a table cell (empty for nothing). */
function code(value: string | undefined): string {
  if (!value) return "";
  return `\`${value.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}
