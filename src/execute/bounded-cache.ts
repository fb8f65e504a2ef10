/**
 * The value cached under `key`, made and cached when missing. A cache that holds `limit` entries starts over: what a
 * run compiles per step must not pile up over 100,000 steps, and what is used again is used again soon (the same
 * suite in another region, running alongside).
 */
export function cached<K, V>(cache: Map<K, V>, key: K, make: () => V, limit: number): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= limit) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}
