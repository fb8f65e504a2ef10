import type { CheckFailure, Expectation, MatcherSpec } from "../../model";
import type { Resolver } from "../variables";
import { compileMatcher, describeMatcher, expectsAbsence, preview, runMatcher, type CompiledMatcher } from "./compile-matcher";
import { compilePath, type CompiledPath } from "./json-path";
import { compileStatus, type CompiledStatus } from "./status";

/** JSONPath -> matcher pairs, compiled once. */
export type CompiledBodyChecks = Array<{
  path: CompiledPath;
  matcher: CompiledMatcher;
  /** `exists` on an indefinite path asks whether anything matches: no match counts as absent */
  noMatchIsAbsent: boolean;
}>;

/** An `expect` block compiled once per step. */
export interface CompiledExpectation {
  status: CompiledStatus;
  headers: Array<{ name: string; matcher: CompiledMatcher }>;
  body: CompiledBodyChecks;
  maxDurationMs?: number;
}

/** Compile an expectation: paths, matchers and the status spec are parsed here, not per response. */
export function compileExpectation(e: Expectation): CompiledExpectation {
  return {
    status: compileStatus(e.status),
    headers: isEmpty(e.headers) ? [] : Object.entries(e.headers).map(([name, spec]) => ({ name: name.toLowerCase(), matcher: compileMatcher(spec) })),
    body: compileBodyChecks(e.body),
    maxDurationMs: e.maxDurationMs,
  };
}

/** Compile JSONPath -> matcher pairs (expect.body, retry.until.body, callback.match). */
export function compileBodyChecks(spec: Record<string, MatcherSpec> | undefined): CompiledBodyChecks {
  if (isEmpty(spec)) return [];
  return Object.entries(spec!).map(([text, m]) => {
    const path = compilePath(text);
    const matcher = compileMatcher(m);
    return { path, matcher, noMatchIsAbsent: !path.definite && matcher.matcher.name === "exists" };
  });
}

function isEmpty(obj: object | undefined): boolean {
  for (const _ in obj) return false;
  return true;
}

/** A status failure, or undefined when the status is as expected. */
export function checkStatus(status: CompiledStatus, actual: number): CheckFailure | undefined {
  if (status.test(actual)) return undefined;
  return { kind: "status", message: `expected status ${status.text}, got ${actual}`, expected: status.text, actual: String(actual) };
}

/** Header checks; names match case-insensitively (undici gives lower-case names). */
export function checkHeaders(checks: CompiledExpectation["headers"], headers: Record<string, string | string[] | undefined>,
  r: Resolver, out: CheckFailure[]): void {
  for (const { name, matcher } of checks) {
    const raw = headers[name];
    const actual = Array.isArray(raw) ? raw.join(", ") : raw;
    const expected = runMatcher(matcher, actual, r);
    if (expected !== undefined) {
      out.push({ kind: "header", path: name, message: `expected ${expected}, got ${preview(actual)}`, expected, actual: preview(actual) });
    }
  }
}

/**
 * Body checks: a path that finds nothing fails unless its matcher is `exists: false`. An indefinite path
 * gives its matcher the array of matches (so `length: 0` holds when nothing matches).
 */
export function checkBody(checks: CompiledBodyChecks, json: unknown, r: Resolver, out: CheckFailure[],
  kind: CheckFailure["kind"] = "body"): void {
  for (const { path, matcher, noMatchIsAbsent } of checks) {
    let actual = path.get(json);
    if (noMatchIsAbsent && (actual as unknown[]).length === 0) actual = undefined;
    if (actual === undefined && !expectsAbsence(matcher)) {
      out.push({ kind, path: path.path, message: "not found", expected: describeMatcher(matcher, r), actual: "(missing)" });
      continue;
    }
    const expected = runMatcher(matcher, actual, r);
    if (expected !== undefined) {
      out.push({ kind, path: path.path, message: `expected ${expected}, got ${preview(actual)}`, expected, actual: preview(actual) });
    }
  }
}

/** A duration failure, or undefined. */
export function checkDuration(maxMs: number | undefined, actualMs: number): CheckFailure | undefined {
  if (maxMs === undefined || actualMs <= maxMs) return undefined;
  const actual = String(Math.round(actualMs));
  return { kind: "duration", message: `took ${actual} ms, more than max_duration_ms ${maxMs}`, expected: `<= ${maxMs}`, actual };
}
