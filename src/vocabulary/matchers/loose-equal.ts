/**
 * Deep equality where a string and a number or boolean compare by text: suites write ids and counts
 * through {{variables}} and YAML, so "3" and 3 should agree; the schema check guards the real type.
 */
export function looseEqual(a: unknown, b: unknown): boolean {
  // pairs still to compare, walked without recursion: a captured value may be nested thousands of levels deep
  const pending: Array<[unknown, unknown]> = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    if (!sameAtTop(pair[0], pair[1], pending)) return false;
  }
  return true;
}

/** Whether a and b agree at their top level; the members of two containers go onto `pending`. */
function sameAtTop(a: unknown, b: unknown, pending: Array<[unknown, unknown]>): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== "object" || typeof b !== "object") {
    if (typeof a === "object" || typeof b === "object") return false;
    return String(a) === String(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    a.forEach((item, i) => pending.push([item, other[i]]));
    return true;
  }
  const ka = Object.keys(a as object);
  if (ka.length !== Object.keys(b as object).length) return false;
  for (const k of ka) pending.push([(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]]);
  return true;
}

/** A plain object: a JSON mapping, not an array or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
