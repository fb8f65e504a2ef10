/** How much a finding of the gate weighs: regressions fail the gate, changes only with `--fail-on change`. */
export type FindingSeverity = "regression" | "change" | "improvement";

/** What a finding is about. */
export type FindingSubject = "step" | "suite" | "region" | "operation";

/** Every kind of difference the gate reports (issue 8); the class is part of a finding's fingerprint. */
export type FindingClass =
  // regressions
  | "step-now-fails"
  | "status-changed"
  | "field-gone"
  | "type-changed"
  | "new-violation"
  | "operation-missing"
  | "region-missing"
  | "suite-missing"
  | "step-missing"
  | "slower"
  // changes
  | "field-added"
  | "new-drift"
  | "step-added"
  | "suite-added"
  | "region-added"
  // improvements
  | "step-now-passes";

/** Where an accept-file entry sits and what it says. */
export interface AcceptNote {
  reason: string;
  /** YYYY-MM-DD, the last day the entry accepts */
  until: string;
  file: string;
  line: number;
  column: number;
}

/** Whether an accept-file entry waived a finding ("accepted") or would have but has run out ("expired"). */
export interface Acceptance extends AcceptNote {
  status: "accepted" | "expired";
}

/** One difference between a baseline run and a candidate run. */
export interface GateFinding {
  class: FindingClass;
  kind: FindingSubject;
  severity: FindingSeverity;
  stepKey?: string;
  suiteKey?: string;
  region?: string;
  operationId?: string;
  /** shape path ("$.contacts[].email"), violation or drift instance path ("/email"), or absent */
  path?: string;
  /** what the baseline had ("passed", "200", "string", "120ms") */
  baseline?: string;
  /** what the candidate has */
  candidate?: string;
  message: string;
  /** stable over runs: a short hash of class, subject and path (never values, times, ids or lines) */
  fingerprint: string;
  /** the candidate step's position (else the baseline's), for display only */
  file?: string;
  line?: number;
  /** set when an accept-file entry matched the finding */
  acceptance?: Acceptance;
  /** set by the gate rules: this finding makes the gate fail (an unaccepted regression, or change with --fail-on change) */
  failing?: boolean;
}

/** One entry of the accept file: a fingerprint, or a pattern over suite/step/path (with `*` wildcards). */
export interface AcceptEntry extends AcceptNote {
  fingerprint?: string;
  /** suite id or key ("contacts", "contacts@eu", "contacts@*") */
  suite?: string;
  /** step name */
  step?: string;
  path?: string;
  class?: string;
  operation?: string;
  region?: string;
}

/** A suite (in one region) the gate compared, with its steps in run order. */
export interface ComparedSuite {
  key: string;
  file?: string;
  /** keys of the steps either run had (vocabulary/step-key.ts turns one into a label) */
  steps: string[];
}

/** What the gate tells about one of the two runs. */
export interface GateRunSummary {
  file?: string;
  target: string;
  apiVersion: string;
  toolVersion: string;
  startedAt: string;
  suites: number;
  /** steps that ran (not skipped) */
  stepsRun: number;
  /** the file had no footer: the run was cut short */
  truncated: boolean;
  interrupted: boolean;
}

/** What comparing two runs found, before the accept file and the rules are applied. */
export interface GateResult {
  baseline: GateRunSummary;
  candidate: GateRunSummary;
  /** every suite and step of either run, candidate order first */
  compared: ComparedSuite[];
  findings: GateFinding[];
}

/** The rules that turn findings into a verdict. */
export interface GateRules {
  /** "change": changes fail the gate too */
  failOn: "regression" | "change";
  /** fail when fewer steps than this ran in the candidate */
  minSteps: number;
  /** report everything, pass anyway (a break-glass build) */
  warnOnly: boolean;
}

/** Counts of findings by what they weigh and how the accept file treated them. */
export interface GateCounts {
  regressions: number;
  changes: number;
  improvements: number;
  accepted: number;
  expired: number;
  stale: number;
  /** findings that make the gate fail under the rules */
  failing: number;
}

/** The gate's decision. */
export interface GateVerdict {
  passed: boolean;
  /** the gate would have failed, but warn-only let it pass */
  overridden: boolean;
  /** why it failed (or would have) */
  reasons: string[];
  /** one line: "gate passed" / "gate FAILED: 2 regressions" / "gate passed (warn-only): would fail: ..." */
  summary: string;
}

/** Everything the gate outputs show: the comparison, the accept file's effect, and the verdict. */
export interface GateReport extends GateResult {
  /** accept-file entries that matched no finding */
  stale: AcceptEntry[];
  counts: GateCounts;
  rules: GateRules;
  verdict: GateVerdict;
}
