import type { Matcher } from "../matcher";

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
export const matches: Matcher = {
  name: "matches",
  test(actual, arg) {
    if (actual === undefined || actual === null || typeof actual === "object") return false;
    return regex(String(arg)).test(String(actual));
  },
};
