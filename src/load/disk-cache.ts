import { createHash } from "node:crypto";
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

/** sha256 hex of the given parts (each part is length-prefixed, so ["ab","c"] and ["a","bc"] differ). */
export function cacheKey(parts: Array<string | Buffer>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest("hex");
}

function usable(dir: string, mustOwn: boolean): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    if (!mustOwn || typeof process.getuid !== "function") return true;
    // in a shared temp dir, a folder someone else made (or may write to) could hold planted entries
    const stat = statSync(dir);
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The cache folder: `node_modules/.cache/conversation-contract` next to the installed tool (or inside the package
 * when it runs from its own checkout), else a private per-user folder in the temp dir; undefined when neither works.
 */
export function resolveCacheDir(packageRoot: string): string | undefined {
  const parent = dirname(packageRoot);
  const modules = basename(parent) === "node_modules" ? parent : join(packageRoot, "node_modules");
  const primary = join(modules, ".cache", "conversation-contract");
  if (usable(primary, false)) return primary;
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  const fallback = join(tmpdir(), `conversation-contract-cache-${user}`);
  return usable(fallback, true) ? fallback : undefined;
}

interface Entry {
  key: string;
  sha256: string;
  payload: string;
}

/**
 * A cache entry's place: `slot` names what it is for (e.g. one collection file), `key` the exact inputs. A slot
 * holds one entry; writing a new one removes the old, so the cache does not grow with every edit.
 */
export interface CacheRef {
  dir: string;
  slot: string;
  key: string;
}

const entryFile = (ref: CacheRef) => join(ref.dir, `${ref.slot}-${ref.key}.json`);

/** The payload stored for `ref`, or undefined when missing, for other inputs, truncated or otherwise corrupt. */
export function readCacheEntry(ref: CacheRef): string | undefined {
  const key = ref.key;
  try {
    const entry = JSON.parse(readFileSync(entryFile(ref), "utf8")) as Partial<Entry>;
    if (entry.key !== key || typeof entry.payload !== "string") return undefined;
    return cacheKey([entry.payload]) === entry.sha256 ? entry.payload : undefined;
  } catch {
    return undefined;
  }
}

/** The cache's bounds: past either, the entries used least recently go (suites of temp folders, old collections). */
export const CACHE_LIMITS = { entries: 256, bytes: 256 * 1024 * 1024 };

/** Store a payload for `ref`, replacing the slot's older entries; failures only cost speed and are ignored. */
export function writeCacheEntry(ref: CacheRef, payload: string): void {
  const { key } = ref;
  const path = entryFile(ref);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const others: string[] = [];
    for (const name of readdirSync(ref.dir)) {
      if (!name.endsWith(".json") || name === basename(path)) continue;
      if (name.startsWith(`${ref.slot}-`)) rmSync(join(ref.dir, name), { force: true });
      else others.push(name);
    }
    // write then rename, so a concurrent run never reads half an entry
    const text = JSON.stringify({ key, sha256: cacheKey([payload]), payload } satisfies Entry);
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, path);
    pruneCache(ref.dir, others, Buffer.byteLength(text));
  } catch {
    // read-only or full disk: run without the cache
  }
}

/** Removes the least recently used of `others` (entries besides the one just written) until the cache is in bounds. */
function pruneCache(dir: string, others: string[], written: number): void {
  const entries = others.flatMap((name) => {
    try {
      const stat = statSync(join(dir, name));
      return [{ name, size: stat.size, used: stat.atimeMs > stat.mtimeMs ? stat.atimeMs : stat.mtimeMs }];
    } catch {
      return []; // removed meanwhile by another run
    }
  });
  let count = entries.length + 1;
  let bytes = entries.reduce((n, e) => n + e.size, written);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (count <= CACHE_LIMITS.entries && bytes <= CACHE_LIMITS.bytes) break;
    rmSync(join(dir, entry.name), { force: true });
    count -= 1;
    bytes -= entry.size;
  }
}
