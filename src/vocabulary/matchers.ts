import type { MatchContext, MatcherDefinition } from "./matchers/definition";
import { contains } from "./matchers/contains";
import { eq } from "./matchers/eq";
import { exists } from "./matchers/exists";
import { gt } from "./matchers/gt";
import { gte } from "./matchers/gte";
import { length } from "./matchers/length";
import { lt } from "./matchers/lt";
import { lte } from "./matchers/lte";
import { matches } from "./matchers/matches";
import { ne } from "./matchers/ne";
import { oneOf } from "./matchers/one-of";
import { type } from "./matchers/type";

export type { ArgumentProblem, JsonSchema, MatchContext, MatcherDefinition } from "./matchers/definition";

/**
 * Every matcher, in the order the docs list them: adding one is a file under matchers/ and a line here
 * (then `npm run gen:suite-schema`). `execute/` runs their tests, `check/` and the suite schema take their
 * argument schemas, and did-you-mean hints take their names from here.
 */
export const MATCHERS: readonly MatcherDefinition[] = [eq, ne, matches, contains, exists, type, length, gt, gte, lt, lte, oneOf];

/** The key a suite writes for each matcher. */
export const MATCHER_NAMES: readonly string[] = MATCHERS.map((m) => m.name);

const BY_NAME = new Map(MATCHERS.map((m) => [m.name, m]));

/** The matcher a key names, or undefined when the key is not a matcher. */
export function matcherNamed(name: string): MatcherDefinition | undefined {
  return BY_NAME.get(name);
}

/** The matcher `{name: arg}` names when `spec` is an object of exactly one matcher key, else undefined (a plain value). */
export function matcherOf(spec: unknown): { matcher: MatcherDefinition; arg: unknown } | undefined {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const matcher = BY_NAME.get(keys[0]!);
  return matcher ? { matcher, arg: (spec as Record<string, unknown>)[keys[0]!] } : undefined;
}

/** `eq`: what a plain value means. */
export const EQUALITY: MatcherDefinition = eq;

/** What a matcher's test gets to apply nested specs (`length: {gte: 1}`). */
export const MATCH_CONTEXT: MatchContext = { apply: applyMatcher };

/** Whether `actual` satisfies a spec as written: a plain value means equal, `{name: arg}` the named matcher. */
export function applyMatcher(actual: unknown, spec: unknown): boolean {
  const named = matcherOf(spec);
  return named ? named.matcher.test(actual, named.arg, MATCH_CONTEXT) : eq.test(actual, spec, MATCH_CONTEXT);
}
