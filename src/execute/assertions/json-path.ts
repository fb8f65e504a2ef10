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

/** `[*]` / `.*` in a directly walked path */
const ALL = Symbol("all");
type Key = string | number | typeof ALL;

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^'\\]*)'\]|\["([^"\\]*)"\]|(\[\*\]|\.\*))/;
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

function compile(path: string): CompiledPath {
  const keys = walkableKeys(path);
  if (keys && !keys.includes(ALL)) {
    const get = (json: unknown): unknown => walk(json, keys as Array<string | number>);
    return { path, definite: true, get, first: get };
  }
  if (keys) {
    const get = (json: unknown): unknown[] => {
      const out: unknown[] = [];
      collect(json, keys, 0, out);
      return out;
    };
    return { path, definite: false, get, first: (json) => get(json)[0] };
  }
  const all = (json: unknown): unknown[] =>
    json === null || typeof json !== "object" ? [] : (JSONPath({ path, json: json as object, wrap: true }) as unknown[]);
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

/** The keys of a path made of names, indexes and wildcards only, or undefined for anything else. */
function walkableKeys(path: string): Key[] | undefined {
  if (!path.startsWith("$")) return undefined;
  const keys: Key[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[5] !== undefined) keys.push(ALL);
    else keys.push((m[3] ?? m[4])!);
    rest = rest.slice(m[0].length);
  }
  return keys;
}

function walk(json: unknown, keys: Array<string | number>): unknown {
  let node = json;
  for (const key of keys) node = step(node, key);
  return node;
}

function step(node: unknown, key: string | number): unknown {
  if (node === null || typeof node !== "object") return undefined;
  if (typeof key === "number" && !Array.isArray(node)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
  return (node as Record<string | number, unknown>)[key];
}

/** Every value the keys reach from `node`; `*` fans out over array items or object values. */
function collect(node: unknown, keys: Key[], i: number, out: unknown[]): void {
  if (node === undefined) return;
  if (i === keys.length) {
    out.push(node);
    return;
  }
  const key = keys[i]!;
  if (key !== ALL) {
    collect(step(node, key), keys, i + 1, out);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const child of Array.isArray(node) ? node : Object.values(node)) collect(child, keys, i + 1, out);
}
