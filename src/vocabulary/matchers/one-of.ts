import type { MatcherDefinition } from "./definition";
import { looseEqual } from "./loose-equal";

/** `one_of: [A, B]`: equal to one of the listed values. */
export const oneOf: MatcherDefinition = {
  name: "one_of",
  argument: { type: "array", minItems: 1, description: "a non-empty list of values" },
  test: (actual, arg) => Array.isArray(arg) && actual !== undefined && arg.some((v) => looseEqual(actual, v)),
};
