import type { MatcherDefinition } from "./definition";

const cache = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    cache.set(pattern, re);
  }
  return re;
}

/** `matches: "^QA "`: a regular expression over the value as text (strings, numbers, booleans). */
export const matches: MatcherDefinition = {
  name: "matches",
  argument: { type: "string", description: "a JavaScript regular expression the value (as text) matches" },
  argumentProblem(pattern) {
    try {
      new RegExp(pattern);
      return undefined;
    } catch (err) {
      return { code: "CC_BAD_REGEX", message: `invalid regular expression: ${err instanceof Error ? err.message : String(err)}` };
    }
  },
  test(actual, arg) {
    if (actual === undefined || actual === null || typeof actual === "object") return false;
    return regex(String(arg)).test(String(actual));
  },
};
