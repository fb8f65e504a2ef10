import type { Matcher } from "../matcher";

/** The JSON type name of a value: string, number, boolean, object, array or null. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** `type: string|number|integer|boolean|object|array|null`. */
export const type: Matcher = {
  name: "type",
  test(actual, arg) {
    if (actual === undefined) return false;
    if (arg === "integer") return Number.isInteger(actual);
    return jsonType(actual) === arg;
  },
};
