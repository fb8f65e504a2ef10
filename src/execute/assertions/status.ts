import type { StatusSpec } from "../../model";

/** A status expectation compiled once: a predicate and how to show it. */
export interface CompiledStatus {
  test(status: number): boolean;
  text: string;
}

const cache = new Map<string, CompiledStatus>();

/** 200, "4xx", [200, 201] -> a predicate; no spec means any 2xx. Equal specs share one predicate. */
export function compileStatus(spec: StatusSpec | undefined): CompiledStatus {
  const key = typeof spec === "object" ? spec.join("|") : String(spec);
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size > 1000) cache.clear();
    hit = compile(spec);
    cache.set(key, hit);
  }
  return hit;
}

function compile(spec: StatusSpec | undefined): CompiledStatus {
  const items = spec === undefined ? ["2xx"] : Array.isArray(spec) ? spec : [spec];
  const tests = items.map(one);
  return { text: items.join(" or "), test: (status) => tests.some((t) => t(status)) };
}

function one(item: number | string): (status: number) => boolean {
  const text = String(item).trim().toLowerCase();
  const cls = /^([1-5])xx$/.exec(text);
  if (cls) {
    const digit = Number(cls[1]);
    return (status) => Math.floor(status / 100) === digit;
  }
  const code = Number(text);
  return (status) => status === code;
}
