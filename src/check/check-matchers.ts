import type { Step } from "../model";
import { didYouMeanHint, makeDiagnostic } from "../diagnostics";
import { fieldAt, type SuiteCheck } from "./context";
import { jsonPathProblem } from "./jsonpath";

/** The matcher keys of the suite format. */
export const MATCHER_KEYS = ["eq", "ne", "matches", "contains", "exists", "type", "length", "gt", "gte", "lt", "lte", "one_of"] as const;
const MATCHERS = new Set<string>(MATCHER_KEYS);
const TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];
const HAS_VARIABLE = /\{\{[^{}]+\}\}/;

const LENGTH_COMPARISONS = new Set(["eq", "gt", "gte", "lt", "lte"]);

/** `length: {gte: 1}`: exactly one comparison whose operand is a number or a {{VARIABLE}}. */
function isLengthComparison(arg: unknown): boolean {
  if (typeof arg !== "object" || arg === null || Array.isArray(arg)) return false;
  const entries = Object.entries(arg);
  if (entries.length !== 1) return false;
  const [op, operand] = entries[0]!;
  return LENGTH_COMPARISONS.has(op) && (typeof operand === "number" || (typeof operand === "string" && HAS_VARIABLE.test(operand)));
}

/** What a matcher's argument must be; a message when it is not. */
function argumentProblem(key: string, arg: unknown): string | undefined {
  const numberLike = typeof arg === "number" || (typeof arg === "string" && HAS_VARIABLE.test(arg));
  switch (key) {
    case "exists":
      return typeof arg === "boolean" ? undefined : "exists takes true or false";
    case "type":
      return TYPES.includes(String(arg)) ? undefined : `type takes one of ${TYPES.join(", ")}`;
    case "length":
      return (Number.isInteger(arg) && (arg as number) >= 0) || numberLike || isLengthComparison(arg)
        ? undefined
        : "length takes a non-negative integer or one comparison such as {gte: 1}";
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return numberLike ? undefined : `${key} takes a number`;
    case "one_of":
      return Array.isArray(arg) && arg.length > 0 ? undefined : "one_of takes a non-empty list";
    case "matches":
      return typeof arg === "string" ? undefined : "matches takes a regular expression as a string";
    default:
      return undefined;
  }
}

/** Check one value-or-matcher at `field`. */
function checkMatcher(check: SuiteCheck, step: Step, field: string, spec: unknown): void {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return;
  const keys = Object.keys(spec);
  const matcherKeys = keys.filter((k) => MATCHERS.has(k));
  const at = fieldAt(step, field);
  if (matcherKeys.length === 0) {
    // a single key close to a matcher name is a typo, not an object to compare with
    const hint = keys.length === 1 ? didYouMeanHint(keys[0] as string, MATCHER_KEYS) : undefined;
    if (hint) check.out.push(makeDiagnostic("CC_BAD_MATCHER", `unknown matcher "${keys[0] as string}"`, at, hint));
    return;
  }
  if (keys.length > 1) {
    check.out.push(makeDiagnostic("CC_BAD_MATCHER", `a matcher takes exactly one key, found ${keys.join(", ")}`, at));
    return;
  }
  const key = matcherKeys[0] as string;
  const arg = (spec as Record<string, unknown>)[key];
  const problem = argumentProblem(key, arg);
  if (problem) check.out.push(makeDiagnostic("CC_BAD_MATCHER", `invalid matcher: ${problem}`, at));
  else if (key === "matches") checkRegex(check, step, `${field}.matches`, arg as string);
}

function checkRegex(check: SuiteCheck, step: Step, field: string, pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    check.out.push(makeDiagnostic("CC_BAD_REGEX", `invalid regular expression: ${why}`, fieldAt(step, field)));
  }
}

function checkPath(check: SuiteCheck, step: Step, field: string, path: string): void {
  const problem = jsonPathProblem(path);
  if (problem) check.out.push(makeDiagnostic("CC_BAD_JSONPATH", `invalid JSONPath "${path}": ${problem}`, fieldAt(step, field)));
}

/** JSONPath -> matcher maps: check each path and each matcher. */
function checkMatcherMap(check: SuiteCheck, step: Step, prefix: string, map: Record<string, unknown> | undefined): void {
  for (const [path, spec] of Object.entries(map ?? {})) {
    checkPath(check, step, `${prefix}.${path}#key`, path);
    checkMatcher(check, step, `${prefix}.${path}`, spec);
  }
}

/** Matchers, regexes and JSONPaths of a step: expectations, retry conditions, callback matches, captures. */
export function checkStepMatchers(check: SuiteCheck, step: Step): void {
  if (step.kind === "request") {
    for (const [name, spec] of Object.entries(step.expect.headers)) checkMatcher(check, step, `expect.headers.${name}`, spec);
    checkMatcherMap(check, step, "expect.body", step.expect.body);
    checkMatcherMap(check, step, "retry.until.body", step.retry?.until.body);
  } else {
    checkMatcherMap(check, step, "callback.match", step.callback.match);
  }
  for (const [name, path] of Object.entries(step.capture)) checkPath(check, step, `capture.${name}`, path);
}
