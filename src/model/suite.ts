import type { SourcePos } from "./source";

/** How a request authenticates: a regional OAuth2 token, the key as Basic auth, or nothing. */
export type AuthMode = "oauth2" | "basic" | "none";

/** The three phases of a suite, run in this order; teardown always runs. */
export type Phase = "setup" | "steps" | "teardown";

/**
 * A matcher as written in YAML: a plain value means "equal", otherwise an object with exactly one
 * of the keys eq, ne, matches, contains, exists, type, length, gt, gte, lt, lte, one_of.
 */
export type MatcherSpec = unknown;

/** `expect.status`: a code (200), a class ("4xx"), or a list of either. */
export type StatusSpec = number | string | Array<number | string>;

/** What a request step expects of its response. */
export interface Expectation {
  status?: StatusSpec;
  schema?: string;
  headers: Record<string, MatcherSpec>;
  /** JSONPath -> matcher */
  body: Record<string, MatcherSpec>;
  maxDurationMs?: number;
}

/** `retry`: poll the same request until the condition holds. */
export interface RetrySpec {
  until: { status?: StatusSpec; body?: Record<string, MatcherSpec> };
  attempts: number;
  delayMs: number;
}

interface StepBase {
  name: string;
  phase: Phase;
  /** index within its phase */
  index: number;
  pos: SourcePos;
  /** positions of this step's keys and nested keys, by dotted path ("request", "expect.status", "capture.CONTACT") */
  fieldPos: Record<string, SourcePos>;
  /** variable name -> JSONPath into the response (or callback) body */
  capture: Record<string, string>;
}

/** A step that sends one HTTP request (taken from the collection, or inline). */
export interface RequestStep extends StepBase {
  kind: "request";
  /** "Folder/Name" of a collection request; absent for an inline request */
  request?: string;
  method?: string;
  url?: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /** replaces the collection's JSON body when present */
  body?: unknown;
  auth?: AuthMode;
  expect: Expectation;
  retry?: RetrySpec;
}

/** A step that waits for a webhook callback to reach the run's receiver. */
export interface CallbackStep extends StepBase {
  kind: "callback";
  callback: {
    trigger: string;
    /** JSONPath -> matcher, applied to the callback body */
    match: Record<string, MatcherSpec>;
    withinMs: number;
    signed: boolean;
  };
}

export type Step = RequestStep | CallbackStep;

/** One YAML suite file, parsed. */
export interface Suite {
  /** path as given / relative to the working directory */
  file: string;
  /** file stem; what `needs` refers to */
  id: string;
  name: string;
  tags: string[];
  /** regions this suite runs in; undefined means the run's regions */
  regions?: string[];
  auth: AuthMode;
  needs: string[];
  exports: string[];
  variables: Record<string, string>;
  setup: Step[];
  steps: Step[];
  teardown: Step[];
  pos: SourcePos;
  fieldPos: Record<string, SourcePos>;
}
