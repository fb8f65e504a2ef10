import type { Step } from "../model";
import { didYouMeanHint, makeDiagnostic } from "../diagnostics";
import { MATCHER_NAMES, matcherNamed } from "../vocabulary/matchers";
import { fieldAt, type SuiteCheck } from "./context";
import { jsonPathProblem } from "./jsonpath";
import { matcherArgumentProblem } from "./matcher-arguments";

/** Check one value-or-matcher at `field`. */
function checkMatcher(check: SuiteCheck, step: Step, field: string, spec: unknown): void {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return;
  const keys = Object.keys(spec);
  const matcherKeys = keys.filter((k) => matcherNamed(k) !== undefined);
  const at = fieldAt(step, field);
  if (matcherKeys.length === 0) {
    // a single key close to a matcher name is a typo, not an object to compare with
    const hint = keys.length === 1 ? didYouMeanHint(keys[0] as string, MATCHER_NAMES) : undefined;
    if (hint) check.out.push(makeDiagnostic("CC_BAD_MATCHER", `unknown matcher "${keys[0] as string}"`, at, hint));
    return;
  }
  if (keys.length > 1) {
    check.out.push(makeDiagnostic("CC_BAD_MATCHER", `a matcher takes exactly one key, found ${keys.join(", ")}`, at));
    return;
  }
  const name = matcherKeys[0] as string;
  const problem = matcherArgumentProblem(matcherNamed(name)!, (spec as Record<string, unknown>)[name]);
  if (!problem) return;
  const where = problem.code === "CC_BAD_MATCHER" ? at : fieldAt(step, `${field}.${name}`);
  check.out.push(makeDiagnostic(problem.code, problem.message, where));
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
