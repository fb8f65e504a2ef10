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

/** Throws a 400 with field violations when the body breaks its request schema; a schema the contract lacks is skipped. */
export function validateRequestBody(contract: Contract, schema: string, body: unknown): void {
  const name = contract.resolveSchemaName(schema);
  if (!name) return;
  const check = contract.validate(name, body);
  if (check.valid) return;
  const seen = new Set<string>();
  const violations: FieldViolation[] = [];
  for (const v of check.violations.map(toFieldViolation)) {
    const key = `${v.field}\u0000${v.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(v);
    if (violations.length >= 20) break;
  }
  throw invalidArgument(violations);
}
