import type { ErrorObject } from "ajv";
import type { Violation } from "../model";

const ACTUAL_MAX = 120;
/** Keys whose string values never reach a report (webhook secrets, credentials, tokens). */
const SECRET_KEY = /secret|password|access_token|^token$|api_key|authorization/i;

function redacting(key: string, value: unknown): unknown {
  return typeof value === "string" && SECRET_KEY.test(key) ? "[REDACTED]" : value;
}

/** JSON of a value, with secret-named fields redacted, cut to about 120 characters. */
export function describeActual(value: unknown, key = ""): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(redacting(key, value), redacting) ?? String(value);
  return text.length > ACTUAL_MAX ? `${text.slice(0, ACTUAL_MAX - 1)}…` : text;
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
