import type { PlannedSuite } from "../model";

/** Which part of a run this process executes: index is 1-based (1..total), like `--shard 1/3`. */
export interface ShardSpec {
  index: number;
  total: number;
}

/** 32-bit FNV-1a: stable across processes and Node versions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The items of one shard; suites linked by needs stay in the same shard (hash of the group's first key). */
export function shardItems(items: PlannedSuite[], shard: ShardSpec): PlannedSuite[] {
  const parent = new Map(items.map((item) => [item.key, item.key]));
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const item of items) {
    for (const need of item.needs) {
      if (!parent.has(need)) continue;
      const [a, b] = [find(item.key), find(need)].sort();
      parent.set(b!, a!);
    }
  }
  const want = shard.index - 1;
  return items.filter((item) => stableHash(find(item.key)) % shard.total === want);
}
