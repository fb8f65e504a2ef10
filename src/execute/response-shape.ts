import type { Shape } from "../model";
import {
  SHAPE_ROOT,
  elementPath,
  formatShapeType,
  isElementPath,
  jsonTypeOf,
  keyPath,
  parentPath,
  parseShapeType,
  type JsonTypeName,
} from "../vocabulary/shape-notation";

/** What the walk learns about one path over every sample. */
interface PathFacts {
  /** the JSON types seen, as TYPE_BITS */
  types: number;
  /** how many objects at this path were seen (as a parent of fields) */
  objects: number;
  /** how many objects at the parent path had this field */
  present: number;
  /** the facts of the object path this field belongs to (none for the root and array elements) */
  parent: PathFacts | undefined;
}

/** One bit per JSON type, in the alphabetical order a shape value lists them. */
const TYPE_BITS: Record<JsonTypeName, number> = { array: 1, boolean: 2, null: 4, number: 8, object: 16, string: 32 };
const TYPE_NAMES = Object.keys(TYPE_BITS) as JsonTypeName[];
/** shape values by (type bits, optional), made once each by formatShapeType */
const typeTexts: string[] = [];

function typeText(types: number, optional: boolean): string {
  const at = types * 2 + (optional ? 1 : 0);
  return (typeTexts[at] ??= formatShapeType(TYPE_NAMES.filter((name) => (types & TYPE_BITS[name]) !== 0), optional));
}

/** The shape of one JSON value: every path with its JSON types, arrays collapsed, no values. */
export function shapeOf(value: unknown): Shape {
  return shapeOfSamples([value]);
}

/**
 * The shape of several samples of the same kind of body (the elements of an array are samples too): a field
 * seen in only some of the objects at its parent path is optional ("?"), and types that differ are joined.
 */
export function shapeOfSamples(values: unknown[]): Shape {
  const facts = new Map<string, PathFacts>();
  for (const value of values) walk(value, factsOf(facts, SHAPE_ROOT, undefined), SHAPE_ROOT, facts, 0);
  const shape: Shape = {};
  for (const [path, f] of facts) {
    const optional = f.parent !== undefined && f.present < f.parent.objects;
    shape[path] = typeText(f.types, optional);
  }
  return shape;
}

function factsOf(facts: Map<string, PathFacts>, path: string, parent: PathFacts | undefined): PathFacts {
  let f = facts.get(path);
  if (!f) {
    f = { types: 0, objects: 0, present: 0, parent };
    facts.set(path, f);
  }
  return f;
}

/**
 * How deep the walk describes a body: a value deeper than this is recorded by its type alone. A body thousands of
 * levels deep would otherwise overflow the stack and build paths of quadratic length.
 */
const SHAPE_DEPTH = 32;

function walk(value: unknown, here: PathFacts, path: string, facts: Map<string, PathFacts>, depth: number): void {
  here.types |= TYPE_BITS[jsonTypeOf(value)];
  if (depth >= SHAPE_DEPTH) return;
  if (Array.isArray(value)) {
    const elements = elementPath(path);
    for (const element of value) walk(element, factsOf(facts, elements, undefined), elements, facts, depth + 1);
  } else if (value !== null && typeof value === "object") {
    here.objects++;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue; // JSON.stringify leaves it out: not a field of the body
      const childPath = keyPath(path, key);
      const childFacts = factsOf(facts, childPath, here);
      childFacts.present++;
      walk(child, childFacts, childPath, facts, depth + 1);
    }
  }
}

/**
 * Two shapes of the same kind of body as one: types are joined, and a field one side lacks becomes optional
 * when that side saw objects at its parent path (it was absent there); when that side saw no such object
 * (an empty array, a null parent) it says nothing about the field, which stays as the other side has it.
 */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const merged: Shape = {};
  for (const [path, value] of Object.entries(a)) {
    const other = b[path];
    merged[path] = other === undefined ? onOneSide(path, value, b) : joinTypes(value, other);
  }
  for (const [path, value] of Object.entries(b)) {
    if (!(path in merged)) merged[path] = onOneSide(path, value, a);
  }
  return merged;
}

function joinTypes(a: string, b: string): string {
  if (a === b) return a;
  const x = parseShapeType(a);
  const y = parseShapeType(b);
  return formatShapeType([...x.types, ...y.types], x.optional || y.optional);
}

/** A path only one shape has: optional when the other shape saw objects at its parent path. */
function onOneSide(path: string, value: string, other: Shape): string {
  if (isElementPath(path)) return value;
  const parent = parentPath(path);
  const parentValue = parent === undefined ? undefined : other[parent];
  if (parentValue === undefined || !parseShapeType(parentValue).types.includes("object")) return value;
  const own = parseShapeType(value);
  return own.optional ? value : formatShapeType(own.types, true);
}
