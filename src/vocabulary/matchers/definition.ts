/** A JSON Schema (2020-12) as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** What a matcher may use besides its own argument: applying a nested matcher spec (`length: {gte: 1}`). */
export interface MatchContext {
  apply(actual: unknown, spec: unknown): boolean;
}

/** A problem with a matcher's argument that its JSON Schema cannot express (a regex that does not compile). */
export interface ArgumentProblem {
  code: "CC_BAD_REGEX";
  message: string;
}

/**
 * One matcher, defined once (as ajv defines a keyword): the key a suite writes, the JSON Schema of its argument
 * (the suite schema and `check` take it from here; its `description` says what the argument is), and its test.
 */
export interface MatcherDefinition {
  name: string;
  argument: JsonSchema & { description: string };
  /** what the argument schema cannot say; undefined when the argument is fine */
  argumentProblem?(arg: string): ArgumentProblem | undefined;
  /** whether `actual` satisfies `arg`; `actual` is undefined when the path or header is missing */
  test(actual: unknown, arg: unknown, ctx: MatchContext): boolean;
}
