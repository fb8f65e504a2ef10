import type { FieldChange, JsonType } from "./api-change";
import type { FieldEdit } from "./field-path";

function toNumber(value: unknown): number {
  const n = typeof value === "string" || typeof value === "boolean" ? Number(value) : NaN;
  if (typeof value === "number") return value;
  // a value with no numeric reading still becomes a number: the type is what changes, not a meaningful value
  return Number.isFinite(n) ? n : typeof value === "string" ? value.length : 0;
}

/** The value as another JSON type (a changed release sending "42" where 42 was, or 42 where "ab" was). */
export function convertTo(value: unknown, to: JsonType): unknown {
  switch (to) {
    case "string":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "number":
      return toNumber(value);
    case "integer":
      return Math.trunc(toNumber(value));
    case "boolean":
      return Boolean(value);
    case "object":
      return { value };
    case "array":
      return [value];
    case "null":
      return null;
  }
}

/** The edit a field change makes to the object holding the field. */
export function fieldEdit(change: FieldChange): FieldEdit {
  switch (change.kind) {
    case "drop-field":
      return (parent, key) => Object.hasOwn(parent, key) && delete parent[key];
    case "add-field":
      return (parent, key) => {
        if (Object.hasOwn(parent, key)) return false;
        // defined, not assigned: a field named __proto__ must become a field, not a prototype
        Object.defineProperty(parent, key, { value: structuredClone(change.value), enumerable: true, writable: true, configurable: true });
        return true;
      };
    case "change-type":
      return (parent, key) => {
        if (!Object.hasOwn(parent, key)) return false;
        parent[key] = convertTo(parent[key], change.to);
        return true;
      };
  }
}
