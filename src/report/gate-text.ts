import type { AcceptEntry, GateFinding, GateReport, GateRunSummary } from "../model";
import { stepLabelOfKey } from "../vocabulary/step-key";

/** The findings of a report in the groups every gate output shows, regressions first. */
export interface FindingGroups {
  /** regressions not accepted (expired acceptances included) */
  regressions: GateFinding[];
  changes: GateFinding[];
  improvements: GateFinding[];
  /** findings an unexpired accept-file entry waived */
  accepted: GateFinding[];
}

/** Splits findings into the groups the outputs show. */
export function groupFindings(findings: GateFinding[]): FindingGroups {
  const groups: FindingGroups = { regressions: [], changes: [], improvements: [], accepted: [] };
  for (const f of findings) {
    if (f.acceptance?.status === "accepted") groups.accepted.push(f);
    else if (f.severity === "regression") groups.regressions.push(f);
    else if (f.severity === "change") groups.changes.push(f);
    else groups.improvements.push(f);
  }
  return groups;
}

/** A finding's step as reports show it ("list contacts", "teardown: delete contact"). */
export function stepNameOf(f: GateFinding): string | undefined {
  return f.stepKey && f.suiteKey ? stepLabelOfKey(f.suiteKey, f.stepKey) : f.stepKey;
}

/** What a finding is about, as people read it: "contacts@us › list contacts", "region eu", an operation id. */
export function subjectOf(f: GateFinding): string {
  switch (f.kind) {
    case "step":
      return `${f.suiteKey ?? ""} › ${stepNameOf(f) ?? ""}`;
    case "suite":
      return `suite ${f.suiteKey ?? ""}`;
    case "region":
      return `region ${f.region ?? ""}`;
    case "operation":
      return `operation ${f.operationId ?? ""}`;
  }
}

/** "file:line", "file", or "" when the finding has no position. */
export function whereOf(f: GateFinding): string {
  if (!f.file) return "";
  return f.line !== undefined ? `${f.file}:${f.line}` : f.file;
}

/** "expired 2026-02-01: reason (accept.yaml:3)" / "accepted until ...". */
export function acceptanceText(f: GateFinding): string | undefined {
  const a = f.acceptance;
  if (!a) return undefined;
  const where = `${a.file}:${a.line}`;
  return a.status === "accepted" ? `accepted until ${a.until}: ${a.reason} (${where})` : `acceptance expired ${a.until}: ${a.reason} (${where})`;
}

/** One run as a line: "reports/base.json (v1beta on emulator, 2026-01-02T03:04:05.000Z, 120 steps ran)". */
export function runText(run: GateRunSummary): string {
  const notes = [`${run.apiVersion || "?"} on ${run.target || "?"}`, run.startedAt, `${run.stepsRun} steps ran`];
  if (run.truncated) notes.push("cut short");
  if (run.interrupted) notes.push("interrupted");
  return `${run.file ?? "(stream)"} (${notes.filter(Boolean).join(", ")})`;
}

/** Total steps the gate compared (either run's). */
export function comparedSteps(report: GateReport): number {
  let n = 0;
  for (const suite of report.compared) n += suite.steps.length;
  return n;
}

const NOT_SELECTORS = new Set(["fingerprint", "reason", "until", "file", "line", "column"]);

/** What an accept entry selects, as written: "fingerprint 3f2a9c0b1d4e" or "suite=contacts step=list *". */
export function selectorText(e: AcceptEntry): string {
  if (e.fingerprint) return `fingerprint ${e.fingerprint}`;
  return Object.entries(e)
    .filter(([k, v]) => !NOT_SELECTORS.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
}
