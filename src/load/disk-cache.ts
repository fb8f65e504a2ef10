import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/** sha256 hex of the given parts (each part is length-prefixed, so ["ab","c"] and ["a","bc"] differ). */
export function cacheKey(parts: Array<string | Buffer>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest("hex");
}

/** sha256 hex of a text given in pieces: the same as of the text whole. */
export function textDigest(pieces: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const piece of pieces) hash.update(piece);
  return hash.digest("hex");
}

/** A cache entry that is always sealed (see CacheRef.seal). */
export type SealedCacheRef = CacheRef & { seal: string };

/** A stored entry: the payload with its checksum, or sealed (AES-256-GCM: its tag checks it). */
interface Entry {
  key: string;
  payload: string;
  sha256?: string;
  iv?: string;
  tag?: string;
}

/**
 * A cache entry's place: `slot` names what it is for (e.g. one collection file), `key` the exact inputs. A slot
 * holds one entry; writing a new one removes the old, so the cache does not grow with every edit.
 */
export interface CacheRef {
  dir: string;
  slot: string;
  key: string;
  /**
   * sealKey() of the inputs: the payload is stored encrypted with it, so what a suite or a collection holds (a
   * secret among it) cannot be read from the cache by anyone without the input itself
   */
  seal?: string;
}

/** The key that seals an entry made from these inputs; unlike cacheKey (a file name), it is never stored. */
export function sealKey(parts: Array<string | Buffer>): string {
  return cacheKey(["seal-1", ...parts]);
}

function sealed(payload: string, seal: string): Pick<Entry, "payload" | "iv" | "tag"> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(seal, "hex"), iv);
  const data = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return { payload: data.toString("base64"), iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64") };
}

/** The payload of an entry when it is intact, else undefined; throws when a sealed one does not open with `seal`. */
function opened(entry: Partial<Entry>, seal: string | undefined): string | undefined {
  if (typeof entry.payload !== "string") return undefined;
  if (seal === undefined) return cacheKey([entry.payload]) === entry.sha256 ? entry.payload : undefined;
  if (typeof entry.iv !== "string" || typeof entry.tag !== "string") return undefined;
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(seal, "hex"), Buffer.from(entry.iv, "base64"));
  decipher.setAuthTag(Buffer.from(entry.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(entry.payload, "base64")), decipher.final()]).toString("utf8");
}

export const entryFile = (ref: CacheRef) => join(ref.dir, `${ref.slot}-${ref.key}.json`);

/** How big the cache may grow: past either bound, the entries used longest ago are removed. */
export interface CacheLimits {
  maxBytes: number;
  maxEntries: number;
}

/** Room for a large project (a collection and a few hundred suites) without growing with every temp folder a test uses. */
export const LIMITS: CacheLimits = { maxBytes: 8 * 1024 * 1024, maxEntries: 400 };
/** A temp file this old is left over from a run that died between write and rename. */
const STALE_TEMP_MS = 60_000;

/** The payload stored for `ref`, or undefined when missing, for other inputs, truncated or otherwise corrupt. */
export function readCacheEntry(ref: CacheRef): string | undefined {
  const key = ref.key;
  const path = entryFile(ref);
  try {
    const entry = JSON.parse(readFileSync(path, "utf8")) as Partial<Entry>;
    const payload = entry.key === key ? opened(entry, ref.seal) : undefined;
    if (payload === undefined) return undefined;
    const now = new Date();
    utimesSync(path, now, now); // used now: pruned last
    return payload;
  } catch {
    return undefined;
  }
}

/** Remove the slot's entries other than `keep` (a file name). */
export function clearSlot(ref: CacheRef, keep?: string): void {
  for (const name of readdirSync(ref.dir)) {
    if (name.startsWith(`${ref.slot}-`) && name.endsWith(".json") && name !== keep) rmSync(join(ref.dir, name), { force: true });
  }
}

/** Store a payload for `ref`, replacing the slot's older entries, then prune; failures only cost speed and are ignored. */
export function writeCacheEntry(ref: CacheRef, payload: string, limits: CacheLimits = LIMITS): void {
  const { key } = ref;
  const path = entryFile(ref);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    clearSlot(ref, basename(path));
    // write then rename, so a concurrent run never reads half an entry
    const entry: Entry = ref.seal === undefined ? { key, sha256: cacheKey([payload]), payload } : { key, ...sealed(payload, ref.seal) };
    writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(temp, path);
    pruneCache(ref.dir, basename(path), limits);
  } catch {
    // read-only or full disk: run without the cache
  }
}

/**
 * Keep the cache within `limits`, removing the entries used longest ago and dead temp files. Never removed: `keep`, and
 * what this process read or wrote (used since it started), so one suite larger than the budget still hits next run.
 */
export function pruneCache(dir: string, keep: string, limits: CacheLimits): void {
  const now = Date.now();
  const entries = readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) return [];
    if (name.endsWith(".tmp")) {
      if (now - stat.mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
      return [];
    }
    return name.endsWith(".json") ? [{ name, path, size: stat.size, usedAt: stat.mtimeMs }] : [];
  });
  entries.sort((a, b) => (a.name === keep ? -1 : b.name === keep ? 1 : b.usedAt - a.usedAt));
  let bytes = 0;
  entries.forEach((entry, index) => {
    bytes += entry.size;
    const usedByThisRun = entry.usedAt >= performance.timeOrigin;
    if (index > 0 && !usedByThisRun && (bytes > limits.maxBytes || index >= limits.maxEntries)) rmSync(entry.path, { force: true });
  });
}
