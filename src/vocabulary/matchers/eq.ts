import { ANY_VALUE } from "./argument-schemas";
import type { MatcherDefinition } from "./definition";
import { looseEqual } from "./loose-equal";

/** `eq: X` (and a plain value): deep equality. */
export const eq: MatcherDefinition = {
  name: "eq",
  argument: ANY_VALUE("deep equal"),
  test: (actual, arg) => looseEqual(actual, arg),
};
