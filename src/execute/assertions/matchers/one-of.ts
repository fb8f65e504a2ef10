import { looseEqual } from "../loose-equal";
import type { Matcher } from "../matcher";

/** `one_of: [A, B]`: equal to one of the listed values. */
export const oneOf: Matcher = {
  name: "one_of",
  test: (actual, arg) => Array.isArray(arg) && actual !== undefined && arg.some((v) => looseEqual(actual, v)),
};
