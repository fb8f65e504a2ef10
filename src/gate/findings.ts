import type { FindingClass, FindingSeverity, FindingSubject, GateFinding } from "../model";
import { findingFingerprint } from "../diagnostics";

/** What each class of finding weighs and what it is about (issue 8, item 2). */
export const FINDING_CLASSES: Record<FindingClass, { severity: FindingSeverity; kind: FindingSubject }> = {
  "step-now-fails": { severity: "regression", kind: "step" },
  "status-changed": { severity: "regression", kind: "step" },
  "field-gone": { severity: "regression", kind: "step" },
  "type-changed": { severity: "regression", kind: "step" },
  "new-violation": { severity: "regression", kind: "step" },
  "operation-missing": { severity: "regression", kind: "operation" },
  "region-missing": { severity: "regression", kind: "region" },
  "suite-missing": { severity: "regression", kind: "suite" },
  "step-missing": { severity: "regression", kind: "step" },
  slower: { severity: "regression", kind: "operation" },
  "field-added": { severity: "change", kind: "step" },
  "new-drift": { severity: "change", kind: "step" },
  "step-added": { severity: "change", kind: "step" },
  "suite-added": { severity: "change", kind: "suite" },
  "region-added": { severity: "change", kind: "region" },
  "step-now-passes": { severity: "improvement", kind: "step" },
};

/** A finding before its class's severity, kind and fingerprint are filled in. */
export type FindingInput = Omit<GateFinding, "kind" | "severity" | "fingerprint" | "acceptance">;

/** A finding with its severity, kind and fingerprint (over class, subject and path only). */
export function makeFinding(input: FindingInput): GateFinding {
  const { severity, kind } = FINDING_CLASSES[input.class];
  const finding: GateFinding = { ...input, kind, severity, fingerprint: findingFingerprint(input.class, subjectOf(kind, input), input.path) };
  return finding;
}

function subjectOf(kind: FindingSubject, f: FindingInput): string {
  switch (kind) {
    case "step":
      return f.stepKey ?? "";
    case "operation":
      return f.operationId ?? "";
    case "suite":
      return f.suiteKey ?? "";
    case "region":
      return f.region ?? "";
  }
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { regression: 0, change: 1, improvement: 2 };
const KIND_RANK: Record<FindingSubject, number> = { region: 0, suite: 1, step: 2, operation: 3 };

/** Findings in a stable order, whatever order the runs had: regressions first, the widest subjects first, then by name and path. */
export function sortFindings(findings: GateFinding[]): GateFinding[] {
  const subject = (f: GateFinding) => (f.kind === "operation" ? f.operationId : f.stepKey ?? f.suiteKey ?? f.region) ?? "";
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      compareText(subject(a), subject(b)) ||
      compareText(a.class, b.class) ||
      compareText(a.path ?? "", b.path ?? ""),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
