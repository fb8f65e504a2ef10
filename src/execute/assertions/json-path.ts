import { JSONPath } from "jsonpath-plus";

/**
 * A JSONPath compiled once. A definite path (no wildcard, `..`, filter, slice or union) names at most
 * one value; an indefinite one names a list, so it yields the array of every match.
 */
export interface CompiledPath {
  path: string;
  definite: boolean;
  /** definite: the value, or undefined when absent; indefinite: every match in document order ([] for none) */
  get(json: unknown): unknown;
  /** what a capture stores: the value of a definite path, the first match of an indefinite one */
  first(json: unknown): unknown;
}

/** path-array segments that can name more than one value (jsonpath-plus's own reading of the path) */
const MANY = /^(?:\*|\.\.|\?\(|@\w+\(\))|,|^-?\d*:-?\d*(?::-?\d*)?$/;

const cache = new Map<string, CompiledPath>();
const CACHE_LIMIT = 5_000;

/** Compile a JSONPath ("$.id", "$.items[0].id", "$.items[*].id", "$..id", "$.items[?(@.x)]"); equal paths share one compiled form. */
export function compilePath(path: string): CompiledPath {
  let hit = cache.get(path);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = compile(path);
    cache.set(path, hit);
  }
  return hit;
}

/**
 * Every match, evaluated by jsonpath-plus (a hand-written walk for simple paths saved about 1 µs per evaluation,
 * under 1% of a loopback request, and disagreed with the library on edge cases, so it went).
 */
function matchesOf(path: string, json: unknown): unknown[] {
  // jsonpath-plus answers undefined for a null or absent document; the root of a null document is that null
  if (json === undefined || json === null) return json === null && path === "$" ? [null] : [];
  return JSONPath({ path, json: json as object, wrap: true }) as unknown[];
}

function compile(path: string): CompiledPath {
  const all = (json: unknown): unknown[] => matchesOf(path, json);
  if (isDefinite(path)) {
    const get = (json: unknown): unknown => all(json)[0];
    return { path, definite: true, get, first: get };
  }
  return { path, definite: false, get: all, first: (json) => all(json)[0] };
}

function isDefinite(path: string): boolean {
  try {
    return !JSONPath.toPathArray(path).slice(1).some((segment) => MANY.test(segment));
  } catch {
    return false;
  }
}
