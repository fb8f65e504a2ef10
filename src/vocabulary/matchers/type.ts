import type { MatcherDefinition } from "./definition";

const JSON_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];

/** The JSON type name of a value: string, number, boolean, object, array or null. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** `type: string|number|integer|boolean|object|array|null`. */
export const type: MatcherDefinition = {
  name: "type",
  argument: { enum: JSON_TYPES, description: `one of ${JSON_TYPES.join(", ")}` },
  test(actual, arg) {
    if (actual === undefined) return false;
    if (arg === "integer") return Number.isInteger(actual);
    return jsonType(actual) === arg;
  },
};
