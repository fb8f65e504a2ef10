import type { Diagnostic, Step, Suite } from "../model";
import { makeDiagnostic, sortDiagnostics, SuiteFactsPass } from "../diagnostics";
import { checkKnownRequest, checkKnownSchema, checkKnownTrigger, checkRequestSource } from "./check-requests";
import { checkStepMatchers } from "./check-matchers";
import { checkExports, checkNeedsCycles, checkNeedsExist } from "./check-needs";
import { variableCheck } from "./check-variables";
import { allSteps, fieldAt, type CheckContext, type SuiteCheck } from "./context";

/** FNV-1a, 32 bits: a number per step name, so that a pass over 100,000 steps does not hold their names (~10 MB). */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * Steps named explicitly twice in one suite (implicit names such as a request id may repeat), fed one step at a time.
 * The pass keeps each name's hash only; names whose hash came twice (a duplicate, or two names that share a hash)
 * are compared themselves in a second pass, made only then.
 */
function duplicateStepCheck(check: SuiteCheck): { visit(step: Step): void; finish(): void } {
  const hashes = new Set<number>();
  const twice = new Set<number>();
  return {
    visit(step) {
      if (step.fieldPos["name"] === undefined) return;
      const hash = nameHash(step.name);
      if (hashes.has(hash)) twice.add(hash);
      else hashes.add(hash);
    },
    finish() {
      hashes.clear();
      if (twice.size === 0) return;
      const seen = new Map<string, string>();
      for (const step of allSteps(check.suite)) {
        if (step.fieldPos["name"] === undefined || !twice.has(nameHash(step.name))) continue;
        const first = seen.get(step.name);
        if (first !== undefined) {
          check.out.push(makeDiagnostic("CC_DUPLICATE_STEP", `step name "${step.name}" is used twice in suite "${check.suite.id}" (first at ${first})`, fieldAt(step, "name")));
        } else {
          const at = fieldAt(step, "name");
          seen.set(step.name, `${at.line}:${at.column}`);
        }
      }
    },
  };
}

function checkStep(check: SuiteCheck, step: Step): void {
  if (step.kind === "request") {
    checkRequestSource(check, step);
    checkKnownRequest(check, step);
    checkKnownSchema(check, step);
  } else {
    checkKnownTrigger(check, step);
  }
  checkStepMatchers(check, step);
}

/**
 * The checks of one suite in one pass over its steps (a large suite's steps are read back a part at a time, so
 * each pass costs a read of them all); each check's diagnostics kept apart and joined in the order the checks had
 * when each made its own pass.
 */
function checkSuite(suite: Suite, ctx: CheckContext, suitesById: Map<string, Suite>): Diagnostic[] {
  const part = (): SuiteCheck => ({ suite, ctx, suitesById, out: [] });
  const [steps, duplicates, variables, needs] = [part(), part(), part(), part()];
  const duplicate = duplicateStepCheck(duplicates);
  const variable = variableCheck(variables);
  // what the run asks of every step later, found in this pass (a large suite's steps are read back for each pass)
  const facts = new SuiteFactsPass(suite);
  for (const step of allSteps(suite)) {
    checkStep(steps, step);
    duplicate.visit(step);
    variable.visit(step);
    facts.visit(step);
  }
  facts.finish();
  duplicate.finish();
  const captured = variable.finish();
  checkNeedsExist(needs);
  checkExports(needs, captured);
  return [...steps.out, ...duplicates.out, ...variables.out, ...needs.out];
}

/** Index suites by id; a second suite with the same id is a diagnostic and is left out of the index. */
function indexSuites(suites: Suite[], out: Diagnostic[]): Map<string, Suite> {
  const byId = new Map<string, Suite>();
  for (const suite of suites) {
    const first = byId.get(suite.id);
    if (first) out.push(makeDiagnostic("CC_DUPLICATE_SUITE", `suite id "${suite.id}" is used by ${first.file} and ${suite.file}`, suite.pos));
    else byId.set(suite.id, suite);
  }
  return byId;
}

/**
 * Everything a run would reject, found without sending a request: unknown requests, schemas and
 * triggers, variables used before they exist, duplicate steps, bad needs and exports, bad matchers,
 * regexes and JSONPaths. Returns one diagnostic per problem, sorted by position; never throws.
 */
export function checkSuites(suites: Suite[], ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suitesById = indexSuites(suites, out);
  for (const suite of suites) out.push(...checkSuite(suite, ctx, suitesById));
  out.push(...checkNeedsCycles(suitesById));
  return sortDiagnostics(out);
}
