/**
 * A deep copy of JSON data, the same value a JSON round trip (`JSON.parse(JSON.stringify(value))`) gives, built
 * directly: plain objects and arrays are walked (undefined, functions and symbols dropped from objects and null in
 * arrays, non-finite numbers null, -0 as 0); anything else (a Date, a class instance, an object with toJSON) takes
 * the round trip itself. Several times faster than the round trip on the small objects handlers copy.
 */
export function jsonCopy<T>(value: T): T {
  if (value === undefined) return value;
  const copied = copyValue(value, "");
  // a function or symbol has no JSON text: the round trip itself, for the very error it throws
  return (copied === undefined ? JSON.parse(JSON.stringify(value) as string) : copied) as T;
}

/** The copy of a value found under `key`; undefined where JSON.stringify would leave the value out. */
function copyValue(value: unknown, key: string | number): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0, as JSON does
    case "object":
      if (value === null) return null;
      if (typeof (value as { toJSON?: unknown }).toJSON === "function") return roundTrip(value, key);
      if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) return copyArray(value);
      if (isPlainObject(value)) return copyObject(value);
      return roundTrip(value, key);
    case "bigint":
      return roundTrip(value, key); // throws as JSON.stringify does, unless something gave BigInt a toJSON
    default:
      return undefined;
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function copyArray(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) out.push(copyValue(items[i], i) ?? null);
  return out;
}

function copyObject(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const copied = copyValue(source[key], key);
    if (copied === undefined) continue;
    // JSON.parse makes "__proto__" an own property; an assignment would set the prototype instead
    if (key === "__proto__") Object.defineProperty(out, key, { value: copied, writable: true, enumerable: true, configurable: true });
    else out[key] = copied;
  }
  return out;
}

/** The round trip of one value, under its key (toJSON is given the key, as JSON.stringify gives it). */
function roundTrip(value: unknown, key: string | number): unknown {
  return (JSON.parse(JSON.stringify({ [String(key)]: value })) as Record<string, unknown>)[String(key)];
}
