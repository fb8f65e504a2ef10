import { ANY_VALUE } from "./argument-schemas";
import type { MatcherDefinition } from "./definition";
import { looseEqual } from "./loose-equal";

/** `ne: X`: present and not equal. */
export const ne: MatcherDefinition = {
  name: "ne",
  argument: ANY_VALUE("not deep equal"),
  test: (actual, arg) => actual !== undefined && !looseEqual(actual, arg),
};
