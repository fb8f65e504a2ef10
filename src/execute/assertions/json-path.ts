import { JSONPath } from "jsonpath-plus";

/** A JSONPath compiled once: simple paths ($.a.b[0]['c-d']) walk directly, others go through jsonpath-plus. */
export interface CompiledPath {
  path: string;
  /** the first value the path finds, or undefined when it finds nothing */
  get(json: unknown): unknown;
}

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^'\\]*)'\]|\["([^"\\]*)"\])/;

const cache = new Map<string, CompiledPath>();
const CACHE_LIMIT = 5_000;

/** Compile a JSONPath ("$.id", "$.items[0].id", "$..id", "$.items[?(@.x)]"); equal paths share one compiled form. */
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
  const keys = simpleKeys(path);
  if (keys) return { path, get: (json) => walk(json, keys) };
  return {
    path,
    get(json) {
      if (json === null || typeof json !== "object") return undefined;
      const found = JSONPath({ path, json: json as object, wrap: true }) as unknown[];
      return found.length > 0 ? found[0] : undefined;
    },
  };
}

function simpleKeys(path: string): Array<string | number> | undefined {
  if (!path.startsWith("$")) return undefined;
  const keys: Array<string | number> = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push((m[3] ?? m[4])!);
    rest = rest.slice(m[0].length);
  }
  return keys;
}

function walk(json: unknown, keys: Array<string | number>): unknown {
  let node = json;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    if (typeof key === "number" && !Array.isArray(node)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
