import type { Diagnostic, RequestTemplate, SourcePos, Step, Suite } from "../model";
import { didYouMeanHint, makeDiagnostic } from "../diagnostics";
import { DYNAMIC_VARIABLES, isDynamicVariable, looksDynamic } from "../vocabulary/dynamic-variables";
import { runVariableNames } from "../vocabulary/run-variables";
import { fieldAt, stepLabel, suiteFieldAt, type SuiteCheck } from "./context";
import { variableUses, variablesIn, type VariableUse } from "./variable-uses";

/** Variables of the collection that every request sees (collection level, non-empty). */
function commonCollectionVariables(requests: Map<string, RequestTemplate>): Set<string> {
  let common: Set<string> | undefined;
  for (const r of requests.values()) {
    const names = Object.keys(r.variables);
    common = common === undefined ? new Set(names) : new Set(names.filter((n) => common?.has(n)));
  }
  return common ?? new Set();
}

/** Names available to every step of the suite before any capture. */
function baseNames(check: SuiteCheck): Set<string> {
  const { suite, ctx, suitesById } = check;
  const names = new Set([...runVariableNames(), ...(ctx.runVariables ?? []), ...Object.keys(suite.variables)]);
  for (const need of suite.needs) for (const name of suitesById.get(need)?.exports ?? []) names.add(name);
  return names;
}

interface Scope {
  base: Set<string>;
  /** a needed suite is missing (reported once as CC_UNKNOWN_NEED): its exports are unknown, so any name may be one */
  unknownExports: boolean;
  collection: Set<string>;
  capturedAnywhere: Set<string>;
  requests: Map<string, RequestTemplate>;
}

function isDefined(name: string, step: Step, scope: Scope, captured: Set<string>): boolean {
  if (looksDynamic(name)) return isDynamicVariable(name);
  if (scope.base.has(name) || captured.has(name) || scope.unknownExports) return true;
  if (step.kind === "request" && step.request !== undefined) {
    const vars = scope.requests.get(step.request)?.variables;
    if (vars) return name in vars;
  }
  return scope.collection.has(name);
}

function report(check: SuiteCheck, step: Step, use: VariableUse, scope: Scope, teardown: boolean): void {
  const where = use.fromRequest ? ` (in collection request "${use.fromRequest}")` : "";
  const at = fieldAt(step, use.field);
  if (looksDynamic(use.name)) {
    check.out.push(unknownDynamic(`${stepLabel(step)} uses {{${use.name}}}${where}`, use.name, at));
    return;
  }
  if (!teardown && scope.capturedAnywhere.has(use.name)) {
    const message = `${stepLabel(step)} uses {{${use.name}}}${where} before any earlier step captures it`;
    check.out.push(makeDiagnostic("CC_VARIABLE_BEFORE_CAPTURE", message, at));
    return;
  }
  const known = [...scope.base, ...scope.collection, ...scope.capturedAnywhere];
  const message = `${stepLabel(step)} uses {{${use.name}}}${where}, which nothing defines`;
  check.out.push(makeDiagnostic("CC_UNKNOWN_VARIABLE", message, at, didYouMeanHint(use.name, known)));
}

/** `{{$randomInteger}}`: not one of Postman's dynamic variables, so `run` could not render it. */
function unknownDynamic(what: string, name: string, at: SourcePos): Diagnostic {
  const hint = didYouMeanHint(name, DYNAMIC_VARIABLES.keys()) ?? `dynamic variables: ${[...DYNAMIC_VARIABLES.keys()].join(", ")}`;
  return makeDiagnostic("CC_UNKNOWN_VARIABLE", `${what}, which is not a dynamic variable`, at, hint);
}

/** A use of a name no earlier source defines: reported at the end, when every capture of the suite is known. */
interface Pending {
  step: Step;
  use: VariableUse;
  teardown: boolean;
}

/** The uses of a step not defined by what is known so far (each name once per step). */
function undefinedUses(step: Step, scope: Scope, captured: Set<string>, pending: Pending[], teardown: boolean): void {
  const seen = new Set<string>();
  for (const use of variableUses(step, scope.requests)) {
    if (seen.has(use.name) || isDefined(use.name, step, scope, captured)) continue;
    seen.add(use.name);
    pending.push({ step, use, teardown });
  }
}

/** Suite variable values may use run variables, other suite variables, exports and captures. */
function checkSuiteVariables(check: SuiteCheck, scope: Scope): void {
  const suite: Suite = check.suite;
  for (const [key, value] of Object.entries(suite.variables)) {
    for (const name of new Set(variablesIn(value))) {
      if (looksDynamic(name)) {
        if (!isDynamicVariable(name)) check.out.push(unknownDynamic(`variable ${key} uses {{${name}}}`, name, suiteFieldAt(suite, `variables.${key}`)));
        continue;
      }
      if (scope.base.has(name) || scope.collection.has(name) || scope.capturedAnywhere.has(name) || scope.unknownExports) continue;
      const hint = didYouMeanHint(name, [...scope.base, ...scope.capturedAnywhere]);
      check.out.push(makeDiagnostic("CC_UNKNOWN_VARIABLE", `variable ${key} uses {{${name}}}, which nothing defines`, suiteFieldAt(suite, `variables.${key}`), hint));
    }
  }
}

/** The variable check of one suite, fed its steps in run order, one at a time. */
export interface VariableCheck {
  visit(step: Step): void;
  /** report what the steps left undefined; gives every name the suite's steps capture */
  finish(): Set<string>;
}

/**
 * Every {{VARIABLE}} must be defined before the step runs: by the run, the collection, the suite, a
 * needed suite's exports, or a capture of an earlier setup/main step. Teardown may use any capture of
 * the suite (its steps are skipped at run time when the capture never happened). One pass over the steps: a use
 * nothing defined so far waits for the end, where the suite's every capture decides how it is reported.
 */
export function variableCheck(check: SuiteCheck): VariableCheck {
  const { suite, ctx } = check;
  const scope: Scope = {
    base: baseNames(check),
    unknownExports: suite.needs.some((need) => !check.suitesById.has(need)),
    collection: commonCollectionVariables(ctx.requests),
    capturedAnywhere: new Set(),
    requests: ctx.requests,
  };
  const pending: Pending[] = [];
  return {
    visit(step) {
      const teardown = step.phase === "teardown";
      undefinedUses(step, scope, scope.capturedAnywhere, pending, teardown);
      for (const name of Object.keys(step.capture)) scope.capturedAnywhere.add(name);
    },
    finish() {
      checkSuiteVariables(check, scope);
      for (const { step, use, teardown } of pending) {
        if (!teardown || !scope.capturedAnywhere.has(use.name)) report(check, step, use, scope, teardown);
      }
      return scope.capturedAnywhere;
    },
  };
}
