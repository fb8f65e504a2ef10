import type { Contract, Violation } from "../model";
import { invalidArgument, type FieldViolation } from "./errors";

/** "/channel_identities/0/channel" -> "channel_identities[0].channel" */
export function pointerToField(pointer: string): string {
  let out = "";
  for (const seg of pointer.split("/").slice(1)) {
    const s = seg.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  }
  return out;
}

function toFieldViolation(v: Violation): FieldViolation {
  let field = pointerToField(v.instancePath);
  if (v.keyword === "required") {
    const missing = /'([^']+)'/.exec(v.message)?.[1];
    if (missing) field = field ? `${field}.${missing}` : missing;
  }
  return { field: field || "body", description: v.message };
}

/** The field name of a violation inside the value at `at` ("" for a whole request body). */
function within(at: string, v: FieldViolation): FieldViolation {
  if (at === "") return v;
  if (v.field === "body") return { ...v, field: at };
  return { ...v, field: v.field.startsWith("[") ? `${at}${v.field}` : `${at}.${v.field}` };
}

/**
 * Throws a 400 with field violations when the body breaks its request schema; a schema the contract lacks is skipped.
 * `at` names the value when it is a part of a request rather than its whole body.
 */
export function validateRequestBody(contract: Contract, schema: string, body: unknown, at = ""): void {
  const name = contract.resolveSchemaName(schema);
  if (!name) return;
  const check = contract.validate(name, body, { drift: false });
  if (check.valid) return;
  const seen = new Set<string>();
  const violations: FieldViolation[] = [];
  for (const v of check.violations.map((x) => within(at, toFieldViolation(x)))) {
    const key = `${v.field}\u0000${v.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(v);
    if (violations.length >= 20) break;
  }
  throw invalidArgument(violations);
}
