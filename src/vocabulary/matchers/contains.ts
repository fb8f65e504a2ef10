import { ANY_VALUE } from "./argument-schemas";
import type { MatcherDefinition } from "./definition";
import { isPlainObject, looseEqual } from "./loose-equal";

/** Every key of `part` is in `whole` with a value that equals it, or (for a nested mapping) that contains it. */
function isSubset(whole: Record<string, unknown>, part: Record<string, unknown>): boolean {
  return Object.keys(part).every((key) => {
    if (!Object.prototype.hasOwnProperty.call(whole, key)) return false;
    const value = whole[key];
    const wanted = part[key];
    return isPlainObject(value) && isPlainObject(wanted) ? isSubset(value, wanted) : looseEqual(value, wanted);
  });
}

/**
 * `contains: X`: a substring of a string, an element of an array (equal to X), or a subset of an object
 * (X is a mapping whose every key is in the object with an equal value, nested mappings compared the same way).
 */
export const contains: MatcherDefinition = {
  name: "contains",
  argument: ANY_VALUE(
    "a substring of a string, an element of an array, or a subset of an object (a mapping whose every key is in the object with an equal value; nested mappings are subsets too)",
  ),
  test(actual, arg) {
    if (typeof actual === "string") return actual.includes(String(arg));
    if (Array.isArray(actual)) return actual.some((item) => looseEqual(item, arg));
    if (isPlainObject(actual)) return isPlainObject(arg) && isSubset(actual, arg);
    return false;
  },
};
