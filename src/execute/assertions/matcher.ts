/** What a matcher may use besides its own argument: applying a nested matcher spec (length: {gte: 1}). */
export interface MatchContext {
  apply(actual: unknown, spec: unknown): boolean;
}

/** One matcher (eq, matches, ...): a file under matchers/ plus one line in the registry. */
export interface Matcher {
  name: string;
  /** whether `actual` satisfies `arg`; `actual` is undefined when the path or header is missing */
  test(actual: unknown, arg: unknown, ctx: MatchContext): boolean;
}
