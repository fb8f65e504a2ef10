import { looseEqual } from "../loose-equal";
import type { Matcher } from "../matcher";

/** `contains: X`: a substring of a string, an element of an array, or a key of an object. */
export const contains: Matcher = {
  name: "contains",
  test(actual, arg) {
    if (typeof actual === "string") return actual.includes(String(arg));
    if (Array.isArray(actual)) return actual.some((item) => looseEqual(item, arg));
    if (actual !== null && typeof actual === "object") return Object.prototype.hasOwnProperty.call(actual, String(arg));
    return false;
  },
};
