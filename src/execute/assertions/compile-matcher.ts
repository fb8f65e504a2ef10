import { EQUALITY, MATCH_CONTEXT, matcherOf, type MatcherDefinition } from "../../vocabulary/matchers";
import { describeActual } from "../../contract";
import { compileValue, resolveValue, type CompiledValue, type Resolver } from "../variables";

/** A matcher spec split once into the matcher and its (possibly templated) argument. */
export interface CompiledMatcher {
  matcher: MatcherDefinition;
  arg: CompiledValue;
}

/** `{matches: "x"}` -> matches; any other value (plain or an object that is not one matcher) -> eq. */
export function compileMatcher(spec: unknown): CompiledMatcher {
  const named = matcherOf(spec);
  if (named) return { matcher: named.matcher, arg: compileValue(named.arg) };
  return { matcher: EQUALITY, arg: compileValue(spec) };
}

/** Run a compiled matcher; returns the resolved expectation as text when it does not hold. */
export function runMatcher(m: CompiledMatcher, actual: unknown, r: Resolver): string | undefined {
  const arg = resolveValue(m.arg, r);
  if (m.matcher.test(actual, arg, MATCH_CONTEXT)) return undefined;
  return describeArg(m, arg);
}

/** The expectation of a compiled matcher as text ("\"SMS\"", "matches \"^QA \""). */
export function describeMatcher(m: CompiledMatcher, r: Resolver): string {
  return describeArg(m, resolveValue(m.arg, r));
}

function describeArg(m: CompiledMatcher, arg: unknown): string {
  return m.matcher === EQUALITY ? preview(arg) : `${m.matcher.name} ${preview(arg)}`;
}

/** Whether a compiled matcher is `exists: false` (a missing path is then the expected outcome). */
export function expectsAbsence(m: CompiledMatcher): boolean {
  return m.matcher.name === "exists" && m.arg.kind === "literal" && m.arg.value === false;
}

/** A value as short text for failure messages. */
export function preview(value: unknown, max = 200): string {
  // describeActual stops after `max` characters, so a body thousands of levels deep cannot overflow the stack here
  return value === undefined ? "(missing)" : describeActual(value, "", max + 1);
}
