import type { Region } from "../../vocabulary/regions";

/** Every kind of API change the admin API simulates. */
export const CHANGE_KINDS = ["drop-field", "add-field", "change-type", "status", "latency", "remove-operation"] as const;

/** The JSON types a field can be changed to. */
export const JSON_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"] as const;

/** A JSON type a field can be changed to. */
export type JsonType = (typeof JSON_TYPES)[number];

/** What every change has: its id, where it applies and how often it has. */
interface ChangeBase {
  id: string;
  /** one region only; every region when absent */
  region?: Region;
  /** replies (and callbacks) it changed, or requests it answered, so far */
  hits: number;
}

/**
 * Where a field change applies: wherever the entity (a schema name) appears in a reply or callback, or the
 * replies of one operation (field from the body's root), or the entity within that operation's replies only.
 */
interface FieldTarget {
  entity?: string;
  operation?: string;
  /** the field, relative to the entity (or the reply), e.g. email or channel_identities[].channel */
  field: string;
}

/** A change to what the API sends. */
export type FieldChange =
  | (ChangeBase & FieldTarget & { kind: "drop-field" })
  | (ChangeBase & FieldTarget & { kind: "add-field"; value: unknown })
  | (ChangeBase & FieldTarget & { kind: "change-type"; to: JsonType });

/** A change to how the API answers an operation. */
export type OperationChange =
  | (ChangeBase & { kind: "status"; operation: string; status: number; message?: string })
  | (ChangeBase & { kind: "latency"; operation: string; latency_ms: number })
  | (ChangeBase & { kind: "remove-operation"; operation: string });

/** A registered API change, as the admin API lists it. */
export type ApiChange = FieldChange | OperationChange;

/** The field kinds, for narrowing. */
export function isFieldChange(c: ApiChange): c is FieldChange {
  return c.kind === "drop-field" || c.kind === "add-field" || c.kind === "change-type";
}
