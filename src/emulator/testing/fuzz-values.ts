import type { Random } from "./random";

/** Characters fuzzed strings are drawn from: plain text, URL and JSON syntax, controls, non-ASCII, a lone surrogate. */
const ALPHABETS = [
  "abcdefghijklmnopqrstuvwxyz0123456789",
  "ABCXYZ_-.~+ ",
  "%/:?#[]@!$&'()*,;=",
  '{}[]",:\\',
  "\u0000\u0001\u001f\t\n\r",
  "åäöéü中文😀\u202e",
  "\ud800",
];

/** A random string: usually short, sometimes empty, sometimes very long. */
export function fuzzString(rnd: Random): string {
  const length = rnd.pick([0, 1, 3, 8, 26, 40, 300, rnd.int(1000, 20_000)]);
  const alphabet = rnd.chance(0.6) ? (ALPHABETS[0] as string) : rnd.pick(ALPHABETS) + (ALPHABETS[0] as string);
  return rnd.string(length, alphabet);
}

const NUMBERS = [0, -1, 1, 2, 7, 20, 21, 100, 1.5, -0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2];

/** A random JSON value nested at most `depth` levels. */
export function fuzzValue(rnd: Random, depth = 3): unknown {
  const kind = rnd.int(0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rnd.chance(0.5);
    case 2:
      return rnd.pick(NUMBERS);
    case 3:
    case 4:
      return fuzzString(rnd);
    case 5:
      return Array.from({ length: rnd.int(0, 4) }, () => fuzzValue(rnd, depth - 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rnd.int(0, 4); i > 0; i--) out[rnd.chance(0.7) ? rnd.string(rnd.int(1, 12), "abcdefghij_") : fuzzString(rnd)] = fuzzValue(rnd, depth - 1);
      return out;
    }
  }
}

/** Every (container, key) pair of a JSON value, for picking a place to mutate. */
function places(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0): typeof out {
  if (depth > 20 || value === null || typeof value !== "object") return out;
  const container = value as Record<string, unknown> | unknown[];
  for (const key of Object.keys(container)) {
    const k = Array.isArray(container) ? Number(key) : key;
    out.push([container, k]);
    places((container as Record<string | number, unknown>)[k], out, depth + 1);
  }
  return out;
}

/** A valid body with a few random changes: a value replaced, removed, retyped, or a field added. */
export function mutate(rnd: Random, body: unknown): unknown {
  const copy = structuredClone(body);
  for (let n = rnd.int(1, 3); n > 0; n--) {
    const all = places(copy);
    if (all.length === 0) return fuzzValue(rnd);
    const [container, key] = rnd.pick(all);
    const slot = container as Record<string | number, unknown>;
    const action = rnd.int(0, 3);
    if (action === 0) slot[key] = fuzzValue(rnd, 2);
    else if (action === 1 && !Array.isArray(container)) delete slot[key];
    else if (action === 2) slot[key] = typeof slot[key] === "string" ? rnd.pick([5, true, null, [], {}]) : fuzzString(rnd);
    else if (!Array.isArray(container)) slot[rnd.string(rnd.int(1, 10), "abcxyz_")] = fuzzValue(rnd, 2);
  }
  return copy;
}

/** JSON text nested `depth` levels deep (arrays or objects). */
export function deepJson(rnd: Random, depth: number): string {
  return rnd.chance(0.5) ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

const PLACEHOLDER = "\u0000deep\u0000";

/**
 * A JSON body with deeply nested text put in place of one of its values (or of a new field), so that the deep value
 * gets past the checks of the fields around it. Built as text: a value this deep cannot be serialised.
 */
export function withDeepValue(rnd: Random, body: unknown, deepText: string): string {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  const copy = structuredClone(body);
  if (!isObject(copy)) return deepText;
  const objects = [copy, ...places(copy).map(([c, k]) => (c as Record<string | number, unknown>)[k]).filter(isObject)];
  const container = rnd.pick(objects);
  const keys = Object.keys(container);
  container[keys.length && rnd.chance(0.7) ? rnd.pick(keys) : "extra"] = PLACEHOLDER;
  return JSON.stringify(copy).replace(JSON.stringify(PLACEHOLDER), deepText);
}

/** Text that is not JSON, or only nearly. */
export function brokenJson(rnd: Random): string {
  return rnd.pick(['{"a":', "{a:1}", "[1,]", '{"a":1}}', "nul", "\u0000{}", '"unterminated', "{}garbage", fuzzString(rnd)]);
}
