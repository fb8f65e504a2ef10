import { compileValue, resolveValue, type CompiledValue, type Resolver } from "../variables";
import type { Matcher } from "./matcher";
import { MATCHERS } from "./registry";

/** A matcher spec split once into the matcher and its (possibly templated) argument. */
export interface CompiledMatcher {
  matcher: Matcher;
  arg: CompiledValue;
}

/** `{matches: "x"}` -> matches; any other value (plain or an object that is not one matcher) -> eq. */
export function compileMatcher(spec: unknown): CompiledMatcher {
  const named = matcherOf(spec);
  if (named) return { matcher: named.matcher, arg: compileValue(named.arg) };
  return { matcher: MATCHERS.get("eq")!, arg: compileValue(spec) };
}

function matcherOf(spec: unknown): { matcher: Matcher; arg: unknown } | undefined {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const matcher = MATCHERS.get(keys[0]!);
  return matcher ? { matcher, arg: (spec as Record<string, unknown>)[keys[0]!] } : undefined;
}

const ctx = { apply: (actual: unknown, spec: unknown): boolean => applySpec(actual, spec) };

/** Apply an uncompiled spec (used for nested specs such as `length: {gte: 1}`). */
export function applySpec(actual: unknown, spec: unknown): boolean {
  const named = matcherOf(spec);
  if (named) return named.matcher.test(actual, named.arg, ctx);
  return MATCHERS.get("eq")!.test(actual, spec, ctx);
}

/** Run a compiled matcher; returns the resolved expectation as text when it does not hold. */
export function runMatcher(m: CompiledMatcher, actual: unknown, r: Resolver): string | undefined {
  const arg = resolveValue(m.arg, r);
  if (m.matcher.test(actual, arg, ctx)) return undefined;
  return describeArg(m, arg);
}

/** The expectation of a compiled matcher as text ("\"SMS\"", "matches \"^QA \""). */
export function describeMatcher(m: CompiledMatcher, r: Resolver): string {
  return describeArg(m, resolveValue(m.arg, r));
}

function describeArg(m: CompiledMatcher, arg: unknown): string {
  return m.matcher.name === "eq" ? preview(arg) : `${m.matcher.name} ${preview(arg)}`;
}

/** Whether a compiled matcher is `exists: false` (a missing path is then the expected outcome). */
export function expectsAbsence(m: CompiledMatcher): boolean {
  return m.matcher.name === "exists" && m.arg.kind === "literal" && m.arg.value === false;
}

/** A value as short text for failure messages. */
export function preview(value: unknown, max = 200): string {
  const text = value === undefined ? "(missing)" : typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
