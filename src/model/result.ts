import type { DriftWarning, Violation } from "./contract";
import type { Shape } from "./run-record";
import type { Phase } from "./suite";

/** passed; failed = the contract is broken; error = a tool or network problem; skipped. */
export type Outcome = "passed" | "failed" | "error" | "skipped";

/** One check of a step that did not hold; structured until a reporter displays it (report/format-step.ts). */
export interface CheckFailure {
  kind:
    | "status"
    | "schema"
    | "no-schema"
    | "not-json"
    | "header"
    | "body"
    | "duration"
    | "retry"
    | "capture"
    | "callback"
    | "signature"
    /** the run left data behind on the target (checked on the built-in emulator) */
    | "cleanup";
  /** what went wrong, short; it never repeats `path` or the kind (a display adds them) */
  message: string;
  /** JSONPath or header name the check looked at */
  path?: string;
  expected?: string;
  actual?: string;
  schema?: string;
  violations?: Violation[];
  /** where the expectation that failed is written in the step's file (the `status:`, `capture:` or body key), when it has a line */
  line?: number;
  column?: number;
  /** what the response said about a status it was not expected to have */
  reason?: ResponseReason;
  /** a callback step that waited in vain: what did arrive for its suite run, closest to its `match` first */
  arrived?: ArrivedCallback[];
}

/** The error envelope's message and field violations (or an OAuth2 error), else the body's first 500 bytes; redacted. */
export interface ResponseReason {
  message?: string;
  fieldViolations?: Array<{ field: string; description: string }>;
  body?: string;
}

/** One callback that reached a suite run while a callback step waited for another; body redacted and cut. */
export interface ArrivedCallback {
  trigger: string;
  /** the step's `match` keys this callback did not satisfy (with what it held), for the closest one only */
  differs?: string[];
  body: string;
}

/** One attempt to send a request (retries and polls add more). */
export interface Attempt {
  status?: number;
  durationMs: number;
  /** why this attempt did not count: "503", "429", "ECONNRESET", "token expired", "poll" */
  retryReason?: string;
  error?: string;
}

/** A request and its response as they appear in reports: secrets already redacted, bodies cut short. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string };
}

/** The result of one step. */
export interface StepResult {
  name: string;
  phase: Phase;
  file: string;
  line: number;
  column: number;
  outcome: Outcome;
  /** "Folder/Name", "POST /v1/...", or "callback MESSAGE_DELIVERY" */
  request: string;
  status?: number;
  durationMs: number;
  attempts: Attempt[];
  /** passed only after a retry */
  flaky: boolean;
  failures: CheckFailure[];
  /** tool or network problem (outcome "error"), with a diagnostic-style code */
  error?: { code: string; message: string };
  skipReason?: string;
  drift: DriftWarning[];
  exchange?: Exchange;
  /** the operation the request hit ("Contacts/Create contact"); absent for callback steps and unknown inline requests */
  operationId?: string;
  /** the request's method (request steps that were sent) */
  method?: string;
  /** the operation's path template, with the API version the request used */
  pathTemplate?: string;
  /** the response body's shape, merged over poll attempts (request steps), or the callback body's (callback steps) */
  shape?: Shape;
}

/** The result of one suite in one region. */
export interface SuiteResult {
  key: string;
  suiteId: string;
  name: string;
  file: string;
  region: string;
  outcome: Outcome;
  /** the run was interrupted before this suite run's steps were done (absent otherwise) */
  interrupted?: true;
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
}

export interface RunTotals {
  suites: number;
  steps: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  flaky: number;
  drift: number;
}

/** The whole run in memory, as runPlan returns it; results.json (formatVersion 3, run-record.ts) is written from it. */
export interface RunResult {
  formatVersion: 1;
  tool: { name: string; version: string };
  target: string;
  regions: string[];
  strict: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  totals: RunTotals;
  suites: SuiteResult[];
}
