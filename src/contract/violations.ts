import type { ErrorObject } from "ajv";
import type { Violation } from "../model";
import { isSecretKey } from "../vocabulary/secrets";

const ACTUAL_MAX = 120;

/** A string under a secret-like key (the vocabulary's one definition) never reaches a report. */
function redacting(key: string, value: unknown): unknown {
  return typeof value === "string" && isSecretKey(key) ? "[REDACTED]" : value;
}

/**
 * Append the JSON of `value` to `out.text` until it holds more than `out.max` characters, then stop: a body thousands
 * of levels deep or megabytes long costs no more than its first characters (JSON.stringify would overflow the stack).
 */
function writeBounded(value: unknown, key: string, out: { text: string; max: number }): void {
  const shown = redacting(key, value);
  if (shown === null || typeof shown !== "object") {
    out.text += JSON.stringify(shown) ?? "null";
    return;
  }
  const isList = Array.isArray(shown);
  const entries: Array<[string, unknown]> = isList ? [] : Object.entries(shown as object).filter(([, v]) => v !== undefined);
  const length = isList ? shown.length : entries.length;
  out.text += isList ? "[" : "{";
  for (let i = 0; i < length && out.text.length <= out.max; i++) {
    if (i > 0) out.text += ",";
    if (isList) writeBounded(shown[i], String(i), out);
    else {
      const [k, v] = entries[i]!;
      out.text += `${JSON.stringify(k)}:`;
      writeBounded(v, k, out);
    }
  }
  out.text += isList ? "]" : "}";
}

/** JSON of a value, with secret-named fields redacted, cut to about `max` characters (120 by default), at any depth. */
export function describeActual(value: unknown, key = "", max: number = ACTUAL_MAX): string {
  if (value === undefined) return "undefined";
  const out = { text: "", max };
  writeBounded(value, key, out);
  return out.text.length > max ? `${out.text.slice(0, max - 1)}…` : out.text;
}

function lastSegment(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return i < 0 ? "" : pointer.slice(i + 1).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The property names a oneOf/anyOf of bare `required` branches asks for, if that is all it is. */
function requiredOnlyBranches(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const names: string[] = [];
  for (const branch of schema) {
    const keys = branch && typeof branch === "object" ? Object.keys(branch) : [];
    const req = (branch as { required?: unknown }).required;
    if (keys.length !== 1 || !Array.isArray(req) || req.length !== 1) return undefined;
    names.push(String(req[0]));
  }
  return names;
}

function messageOf(e: ErrorObject): string {
  const base = e.message ?? e.keyword;
  if (e.keyword === "enum") {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    const shown = allowed.slice(0, 12).map((v) => JSON.stringify(v)).join(", ");
    return `${base}: ${shown}${allowed.length > 12 ? ", …" : ""}`;
  }
  if (e.keyword === "oneOf") {
    const names = requiredOnlyBranches(e.schema);
    if (names) {
      const present = names.filter((n) => e.data && typeof e.data === "object" && n in (e.data as object));
      return present.length === 0
        ? `must have exactly one of: ${names.join(", ")}`
        : `must have only one of: ${names.join(", ")} (has ${present.join(", ")})`;
    }
  }
  return base;
}

/** Errors that only say which branch of a oneOf/anyOf was missing; the oneOf error says it better. */
function isBranchNoise(e: ErrorObject, combinators: ErrorObject[]): boolean {
  return (
    e.keyword === "required" &&
    combinators.some((c) => c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`))
  );
}

/** Turn ajv's errors (verbose mode) into violations, keeping their structure. */
export function toViolations(errors: ErrorObject[] | null | undefined): Violation[] {
  const list = errors ?? [];
  const combinators = list.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  return list
    .filter((e) => !isBranchNoise(e, combinators))
    .map((e) => ({
      instancePath: e.instancePath,
      keyword: e.keyword,
      schemaPath: e.schemaPath,
      message: messageOf(e),
      actual: describeActual(e.data, lastSegment(e.instancePath)),
    }));
}
