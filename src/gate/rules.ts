import type { AcceptEntry, GateCounts, GateFinding, GateReport, GateResult, GateRules, GateVerdict } from "../model";

/** Issue 8's defaults: regressions fail, no minimum of steps, no warn-only. */
export const DEFAULT_GATE_RULES: GateRules = { failOn: "regression", minSteps: 0, warnOnly: false };

/** Whether a finding fails the gate under the rules: a regression (or a change with failOn "change") not accepted. */
export function isFailing(finding: GateFinding, rules: GateRules): boolean {
  if (finding.acceptance?.status === "accepted") return false;
  return finding.severity === "regression" || (finding.severity === "change" && rules.failOn === "change");
}

/**
 * The gate's report: the comparison with the accept file applied (findings carry their acceptance; `stale`
 * lists entries that matched nothing), counted and judged. The verdict fails on any failing finding, and when
 * fewer steps ran than `minSteps`; warn-only passes anyway and says what would have failed.
 */
export function judgeGate(result: GateResult, accepted: { findings: GateFinding[]; stale: AcceptEntry[] }, rules: GateRules): GateReport {
  const findings = accepted.findings.map((f) => ({ ...f, failing: isFailing(f, rules) }));
  const counts = countFindings(findings, accepted.stale);
  const reasons = failReasons(result, findings, counts, rules);
  return { ...result, findings, stale: accepted.stale, counts, rules, verdict: verdictOf(reasons, counts, rules) };
}

function countFindings(findings: GateFinding[], stale: AcceptEntry[]): GateCounts {
  const counts: GateCounts = { regressions: 0, changes: 0, improvements: 0, accepted: 0, expired: 0, stale: stale.length, failing: 0 };
  for (const f of findings) {
    if (f.severity === "regression") counts.regressions++;
    else if (f.severity === "change") counts.changes++;
    else counts.improvements++;
    if (f.acceptance?.status === "accepted") counts.accepted++;
    if (f.acceptance?.status === "expired") counts.expired++;
    if (f.failing) counts.failing++;
  }
  return counts;
}

function failReasons(result: GateResult, findings: GateFinding[], counts: GateCounts, rules: GateRules): string[] {
  const reasons: string[] = [];
  const failing = findings.filter((f) => f.failing);
  const regressions = failing.filter((f) => f.severity === "regression");
  const changes = failing.length - regressions.length;
  if (regressions.length > 0) {
    const missingRegions = regressions.filter((f) => f.class === "region-missing").map((f) => f.region);
    const parts = [plural(regressions.length, "regression")];
    if (missingRegions.length > 0) parts.push(`baseline region${missingRegions.length > 1 ? "s" : ""} ${missingRegions.join(", ")} did not run`);
    if (counts.expired > 0) parts.push(`${counts.expired} acceptance${counts.expired > 1 ? "s" : ""} expired`);
    reasons.push(parts.join("; "));
  }
  if (changes > 0) reasons.push(`${plural(changes, "change")} (--fail-on change)`);
  const ran = result.candidate.stepsRun;
  if (ran < rules.minSteps) reasons.push(`only ${plural(ran, "step")} ran, fewer than --min-steps ${rules.minSteps}`);
  return reasons;
}

function verdictOf(reasons: string[], counts: GateCounts, rules: GateRules): GateVerdict {
  const tally = `${plural(counts.regressions, "regression")}, ${plural(counts.changes, "change")}, ${plural(counts.improvements, "improvement")}${counts.accepted > 0 ? `, ${counts.accepted} accepted` : ""}`;
  if (reasons.length === 0) return { passed: true, overridden: false, reasons, summary: `gate passed: ${tally}` };
  if (rules.warnOnly) return { passed: true, overridden: true, reasons, summary: `gate passed (warn-only), would have failed: ${reasons.join("; ")}` };
  return { passed: false, overridden: false, reasons, summary: `gate FAILED: ${reasons.join("; ")}` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
