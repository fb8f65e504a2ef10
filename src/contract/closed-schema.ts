/** The $id prefix of the "closed" schema variants used to find drift. */
export const CLOSED_PREFIX = "closed/";

type Json = unknown;
type SchemaObject = Record<string, unknown>;

/** Keywords whose subschemas describe a child of the instance (a new location). */
const LOCATION_ONE = ["additionalProperties", "items", "contains", "unevaluatedItems"];
const LOCATION_MAP = ["properties", "patternProperties"];
const LOCATION_LIST = ["prefixItems"];
/** Keywords whose subschemas apply to the same location; closing them would reject their siblings' properties. */
const SAME_ONE = ["not", "if", "then", "else"];
const SAME_MAP = ["$defs", "dependentSchemas"];
const SAME_LIST = ["allOf", "anyOf", "oneOf"];
/** Schemas that may describe an object with named properties. */
const OBJECT_HINTS = ["properties", "patternProperties", "$ref", "allOf", "anyOf", "oneOf", "if"];

function isSchemaObject(node: Json): node is SchemaObject {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

function mayBeObject(s: SchemaObject): boolean {
  const type = s.type;
  if (type === "object" || (Array.isArray(type) && type.includes("object"))) return true;
  if (type !== undefined) return false;
  return OBJECT_HINTS.some((k) => k in s);
}

function transform(node: Json, isLocation: boolean): Json {
  if (!isSchemaObject(node)) return node;
  const out: SchemaObject = { ...node };
  for (const k of [...LOCATION_ONE, ...SAME_ONE]) {
    if (k in out) out[k] = transform(out[k], LOCATION_ONE.includes(k));
  }
  for (const k of [...LOCATION_MAP, ...SAME_MAP]) {
    const map = out[k];
    if (!isSchemaObject(map)) continue;
    const isLoc = LOCATION_MAP.includes(k);
    out[k] = Object.fromEntries(Object.entries(map).map(([name, sub]) => [name, transform(sub, isLoc)]));
  }
  for (const k of [...LOCATION_LIST, ...SAME_LIST]) {
    const list = out[k];
    if (Array.isArray(list)) out[k] = list.map((sub) => transform(sub, LOCATION_LIST.includes(k)));
  }
  if (isLocation && mayBeObject(out) && !("unevaluatedProperties" in out)) out.unevaluatedProperties = false;
  return out;
}

/**
 * A copy of `schema` under the closed/ namespace in which every subschema describing a nested object refuses
 * properties it does not evaluate. Relative $refs then resolve to the closed variants of their targets. The root
 * stays open so the schema can still be used inside allOf/oneOf; the caller closes the top-level location.
 */
export function closedVariant(schema: SchemaObject, id: string): SchemaObject {
  const closed = transform(schema, false) as SchemaObject;
  return { ...closed, $id: CLOSED_PREFIX + id };
}
