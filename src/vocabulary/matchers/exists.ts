import type { MatcherDefinition } from "./definition";

/** `exists: true|false`: the path or header is there (null counts as there) or not. */
export const exists: MatcherDefinition = {
  name: "exists",
  argument: { type: "boolean", description: "true or false" },
  test: (actual, arg) => (actual !== undefined) === (arg !== false),
};
