import type { Shape } from "../model";
import { isElementPath, parentPath, parseShapeType } from "../vocabulary/shape-notation";

/** One way a candidate's shape differs from the baseline's. */
export interface ShapeDifference {
  class: "field-gone" | "type-changed" | "field-added";
  path: string;
  /** the baseline's types ("null|string") */
  baseline?: string;
  /** the candidate's types */
  candidate?: string;
}

/*
 * Shapes vary with data on a real API, so only what the candidate's data could have shown counts:
 * - a field is gone only where its parent object is present in the candidate (a missing parent is reported
 *   once, at its own level), and never when the baseline saw it only sometimes ("?");
 * - an empty array says nothing about its elements, so element paths ("[]") are never gone or added;
 * - a type changed when the candidate has a type the baseline never saw (types it lost are data: null|string -> string);
 * - a field is added only under an object the baseline saw too.
 */

/** How the candidate's shape differs from the baseline's; values never matter, only paths and types. */
export function diffShapes(baseline: Shape, candidate: Shape): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  for (const path in baseline) {
    const was = baseline[path]!;
    const now = candidate[path];
    if (now === was) continue;
    if (now === undefined) {
      if (isGone(path, was, candidate)) out.push({ class: "field-gone", path, baseline: typesOf(was) });
    } else if (!isSubset(parseShapeType(now).types, parseShapeType(was).types)) {
      out.push({ class: "type-changed", path, baseline: typesOf(was), candidate: typesOf(now) });
    }
  }
  for (const path in candidate) {
    if (path in baseline || !underObject(path, baseline)) continue;
    out.push({ class: "field-added", path, candidate: typesOf(candidate[path]!) });
  }
  return out;
}

function isGone(path: string, was: string, candidate: Shape): boolean {
  return !parseShapeType(was).optional && underObject(path, candidate);
}

/** Whether a (non-element) path hangs off a parent that the shape saw as an object. */
function underObject(path: string, shape: Shape): boolean {
  if (isElementPath(path)) return false;
  const parent = parentPath(path);
  const parentValue = parent === undefined ? undefined : shape[parent];
  return parentValue !== undefined && parseShapeType(parentValue).types.includes("object");
}

function isSubset(types: string[], of: string[]): boolean {
  return types.every((t) => of.includes(t));
}

function typesOf(value: string): string {
  return parseShapeType(value).types.join("|");
}
