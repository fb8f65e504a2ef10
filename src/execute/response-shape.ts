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
} from "../vocabulary/shape-notation";

/** What the walk learns about one path over every sample. */
interface PathFacts {
  types: Set<string>;
  /** how many objects at this path were seen (as a parent of fields) */
  objects: number;
  /** how many objects at the parent path had this field */
  present: number;
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
  for (const value of values) walk(value, SHAPE_ROOT, facts);
  const shape: Shape = {};
  for (const [path, f] of facts) {
    const parent = isElementPath(path) ? undefined : parentPath(path);
    const optional = parent !== undefined && f.present < (facts.get(parent)?.objects ?? 0);
    shape[path] = formatShapeType(f.types, optional);
  }
  return shape;
}

function factsOf(facts: Map<string, PathFacts>, path: string): PathFacts {
  let f = facts.get(path);
  if (!f) {
    f = { types: new Set(), objects: 0, present: 0 };
    facts.set(path, f);
  }
  return f;
}

/**
 * How deep the walk describes a body: a value deeper than this is recorded by its type alone. A body thousands of
 * levels deep would otherwise overflow the stack and build paths of quadratic length.
 */
const SHAPE_DEPTH = 32;

function walk(value: unknown, path: string, facts: Map<string, PathFacts>, depth = 0): void {
  const here = factsOf(facts, path);
  here.types.add(jsonTypeOf(value));
  if (depth >= SHAPE_DEPTH) return;
  if (Array.isArray(value)) {
    const elements = elementPath(path);
    for (const element of value) walk(element, elements, facts, depth + 1);
  } else if (value !== null && typeof value === "object") {
    here.objects++;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue; // JSON.stringify leaves it out: not a field of the body
      const childPath = keyPath(path, key);
      factsOf(facts, childPath).present++;
      walk(child, childPath, facts, depth + 1);
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
