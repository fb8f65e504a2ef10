import type { Matcher } from "../matcher";

/** `length: 3` or `length: {gte: 1}`: the length of a string or array (or key count of an object). */
export const length: Matcher = {
  name: "length",
  test(actual, arg, ctx) {
    let size: number;
    if (typeof actual === "string" || Array.isArray(actual)) size = actual.length;
    else if (actual !== null && typeof actual === "object") size = Object.keys(actual).length;
    else return false;
    return ctx.apply(size, arg);
  },
};
