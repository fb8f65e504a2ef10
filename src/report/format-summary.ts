import type { RunResult, RunTotals } from "../model";
import { formatStepDetails, isBad, stepLocation, stepTitle } from "./format-step";
import { formatDuration, type Style } from "./style";

/** The closing summary: failing steps with details, drift, flaky steps, totals and duration. */
export function formatSummary(result: RunResult, style: Style): string {
  const lines: string[] = [""];
  let n = 0;
  const failing = result.suites.flatMap((s) => s.steps.filter(isBad).map((step) => ({ s, step })));
  if (failing.length > 0) {
    lines.push(style.bold(style.red(`Failures (${failing.length}):`)));
    for (const { s, step } of failing) {
      n += 1;
      lines.push(`  ${n}) ${style.bold(stepLocation(step))} ${stepTitle(s, step)}`);
      lines.push(...formatStepDetails(step, style, "     "), "");
    }
  }
  const drift = result.suites.flatMap((s) => s.steps.flatMap((step) => step.drift.map((d) => ({ s, step, d }))));
  if (drift.length > 0) {
    lines.push(style.yellow(`Drift (${drift.length}): fields the schemas do not name${result.strict ? "" : " (use --strict to fail on them)"}`));
    for (const { s, step, d } of drift) {
      lines.push(`  ${stepLocation(step)} ${stepTitle(s, step)}: ${d.instancePath || "(root)"} not in ${d.schema}`);
    }
    lines.push("");
  }
  const flaky = result.suites.flatMap((s) => s.steps.filter((step) => step.flaky).map((step) => ({ s, step })));
  if (flaky.length > 0) {
    lines.push(style.yellow(`Flaky (${flaky.length}): passed only after a retry`));
    for (const { s, step } of flaky) {
      const reasons = step.attempts.map((a) => a.retryReason).filter(Boolean).join(", ");
      lines.push(`  ${stepLocation(step)} ${stepTitle(s, step)}: ${step.attempts.length} attempts${reasons ? ` (${reasons})` : ""}`);
    }
    lines.push("");
  }
  lines.push(formatTotals(result, style));
  return lines.join("\n") + "\n";
}

function suiteCounts(result: RunResult): string {
  const passed = result.suites.filter((s) => s.outcome === "passed").length;
  const bad = result.suites.filter((s) => s.outcome === "failed" || s.outcome === "error").length;
  const skipped = result.suites.length - passed - bad;
  return [`${passed} passed`, bad ? `${bad} failed` : "", skipped ? `${skipped} skipped` : ""].filter(Boolean).join(", ");
}

function stepCounts(t: RunTotals, style: Style): string {
  const parts = [style.green(`${t.passed} passed`)];
  if (t.failed) parts.push(style.red(`${t.failed} failed`));
  if (t.errors) parts.push(style.red(`${t.errors} errors`));
  if (t.skipped) parts.push(style.dim(`${t.skipped} skipped`));
  if (t.flaky) parts.push(style.yellow(`${t.flaky} flaky`));
  if (t.drift) parts.push(style.yellow(`${t.drift} drift`));
  return parts.join(", ");
}

/** "Suites: ... | Steps: ... | Time: ..." lines. */
export function formatTotals(result: RunResult, style: Style): string {
  const t = result.totals;
  return [
    `Suites:  ${suiteCounts(result)} (${t.suites})`,
    `Steps:   ${stepCounts(t, style)} (${t.steps})`,
    `Target:  ${result.target} [${result.regions.join(", ")}]`,
    `Time:    ${formatDuration(result.durationMs)}`,
  ].join("\n");
}
