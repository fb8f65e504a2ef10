/*
 * The notation of a response shape (results.json v2): paths from the root "$", object keys as ".key" (or
 * "['odd key']" when the key is not an identifier; "\" and "'" escaped with "\"), array elements as "[]";
 * each path's value is its JSON types sorted and joined by "|", with a trailing "?" when the field was absent
 * from some objects at its parent path. `execute/` writes this notation and `gate/` reads it.
 */

/** The path of the whole body. */
export const SHAPE_ROOT = "$";

/** A JSON type as a shape names it (JSON types only: 1 and 1.5 are both "number"). */
export type JsonTypeName = "array" | "boolean" | "null" | "number" | "object" | "string";

/** A shape value taken apart: its JSON types and whether the field is optional. */
export interface ShapeType {
  types: string[];
  optional: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPTIONAL = "?";

/** The JSON type of a parsed JSON value. */
export function jsonTypeOf(value: unknown): JsonTypeName {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean" || type === "object") return type;
  return "null"; // not JSON (undefined, a function): JSON.stringify would write null or leave it out
}

/** The path of an object's key under `parent`. */
export function keyPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/[\\']/g, "\\$&")}']`;
}

/** The path of the elements of an array at `parent`. */
export function elementPath(parent: string): string {
  return `${parent}[]`;
}

/** Whether a path names the elements of an array rather than a field of an object. */
export function isElementPath(path: string): boolean {
  return path.endsWith("[]");
}

/** The path one level up ("$.a.b" -> "$.a", "$.a[]" -> "$.a"), undefined for the root or a path not in this notation. */
export function parentPath(path: string): string | undefined {
  if (!path.startsWith(SHAPE_ROOT) || path === SHAPE_ROOT) return undefined;
  let at = SHAPE_ROOT.length;
  let lastStart = at;
  while (at < path.length) {
    lastStart = at;
    const next = segmentEnd(path, at);
    if (next === undefined) return undefined;
    at = next;
  }
  return path.slice(0, lastStart);
}

/** Where the segment starting at `at` ends, or undefined when there is no valid segment there. */
function segmentEnd(path: string, at: number): number | undefined {
  if (path[at] === ".") {
    let end = at + 1;
    while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
    return end > at + 1 ? end : undefined;
  }
  if (path.startsWith("[]", at)) return at + 2;
  if (!path.startsWith("['", at)) return undefined;
  for (let i = at + 2; i < path.length; i++) {
    if (path[i] === "\\") i++;
    else if (path[i] === "'") return path[i + 1] === "]" ? i + 2 : undefined;
  }
  return undefined;
}

/** A shape value from its types (sorted and de-duplicated here) and optional marker. */
export function formatShapeType(types: Iterable<string>, optional: boolean): string {
  const joined = [...new Set(types)].sort().join("|");
  return optional ? joined + OPTIONAL : joined;
}

/** A shape value taken apart: "null|string?" -> { types: ["null", "string"], optional: true }. */
export function parseShapeType(value: string): ShapeType {
  const optional = value.endsWith(OPTIONAL);
  const body = optional ? value.slice(0, -OPTIONAL.length) : value;
  return { types: body === "" ? [] : body.split("|"), optional };
}

const SHAPE_TYPE_TEXT = /^(?:array|boolean|null|number|object|string)(?:\|(?:array|boolean|null|number|object|string))*\??$/;

/** Whether a text is a shape value ("string", "null|object?"): a recorded type, which never holds a secret. */
export function isShapeTypeText(value: string): boolean {
  return SHAPE_TYPE_TEXT.test(value);
}
