import { NUMBER_OR_VARIABLE, VARIABLE_TEXT } from "./argument-schemas";
import type { MatcherDefinition } from "./definition";

/** The matchers `length: {...}` may compare the length with. */
const LENGTH_COMPARISONS = ["eq", "gt", "gte", "lt", "lte"];

/** `length: 3` or `length: {gte: 1}`: the length of a string or array (or key count of an object). */
export const length: MatcherDefinition = {
  name: "length",
  argument: {
    description: "a count, a {{VARIABLE}}, or one comparison of the length such as {gte: 1}",
    anyOf: [
      { type: "integer", minimum: 0 },
      { type: "string", pattern: VARIABLE_TEXT },
      {
        type: "object",
        minProperties: 1,
        maxProperties: 1,
        propertyNames: { enum: LENGTH_COMPARISONS },
        additionalProperties: NUMBER_OR_VARIABLE,
      },
    ],
  },
  test(actual, arg, ctx) {
    let size: number;
    if (typeof actual === "string" || Array.isArray(actual)) size = actual.length;
    else if (actual !== null && typeof actual === "object") size = Object.keys(actual).length;
    else return false;
    return ctx.apply(size, arg);
  },
};
