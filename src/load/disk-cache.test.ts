import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, chmodSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveCacheDir } from "./cache-dir";
import { cacheKey, readCacheEntry, sealKey, writeCacheEntry, type CacheRef } from "./disk-cache";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-disk-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ref = (slot: string, input = slot, sealed = false): CacheRef => ({ dir, slot, key: cacheKey([input]), ...(sealed ? { seal: sealKey([input]) } : {}) });
const files = () => readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
/** Make an entry look used `ageS` seconds ago. */
/** Last used `ageS` seconds before this process started: by an earlier run (a run never prunes what it used itself). */
const age = (r: CacheRef, ageS: number) => {
  const at = new Date(performance.timeOrigin - ageS * 1000);
  utimesSync(join(dir, `${r.slot}-${r.key}.json`), at, at);
};

describe("a sealed entry", () => {
  it("shows nothing of its payload and opens only with the key of the same input", () => {
    const payload = JSON.stringify({ variables: { CLIENT_SECRET: "sealed-secret-9f2c41" }, name: "a readable suite name" });
    writeCacheEntry(ref("suite-a", "text", true), payload);
    const stored = readFileSync(join(dir, files()[0]!), "utf8");
    expect(stored).not.toContain("sealed-secret");
    expect(stored).not.toContain("readable suite");
    expect(readCacheEntry(ref("suite-a", "text", true))).toBe(payload);
    expect(readCacheEntry({ ...ref("suite-a", "text", true), seal: sealKey(["other text"]) })).toBeUndefined();
  });
});

describe("the cache's size", () => {
  it("stays within its entry count, removing the entries used longest ago", () => {
    const limits = { maxBytes: 1_000_000, maxEntries: 5 };
    const refs = Array.from({ length: 12 }, (_, i) => ref(`slot${String(i).padStart(2, "0")}`));
    refs.forEach((r, i) => {
      writeCacheEntry(r, `payload ${i}`, limits);
      age(r, 100 - i); // written in order, each a second after the one before
    });
    expect(files()).toHaveLength(5);
    expect(readCacheEntry(refs[7]!)).toBe("payload 7"); // read now: used most recently
    writeCacheEntry(ref("slot-new"), "new", limits);
    expect(files().map((f) => f.slice(0, 6))).toEqual(["slot-n", "slot07", "slot09", "slot10", "slot11"]);
  });

  it("stays within its byte budget, whatever the entries' sizes, and always keeps the newest", () => {
    const limits = { maxBytes: 20_000, maxEntries: 1000 };
    for (let i = 0; i < 40; i++) {
      const r = ref(`s${i}`);
      writeCacheEntry(r, "x".repeat(500 + ((i * 7919) % 3000)), limits);
      const sizes = files().map((f) => statSync(join(dir, f)).size);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(limits.maxBytes);
      expect(readCacheEntry(r)).toBeDefined();
      age(r, 1000 - i); // as if a later run wrote the next one
    }
    const huge = ref("huge");
    writeCacheEntry(huge, "y".repeat(50_000), limits);
    expect(files()).toEqual([`huge-${huge.key}.json`]);
  });

  it("keeps what this run used even past the budget (a suite larger than it), and prunes it once a later run has not", () => {
    const limits = { maxBytes: 20_000, maxEntries: 1000 };
    const big = ref("big");
    writeCacheEntry(big, "z".repeat(50_000), limits);
    writeCacheEntry(ref("small"), "small", limits);
    expect(readCacheEntry(big)).toBe("z".repeat(50_000));
    age(big, 60);
    writeCacheEntry(ref("later"), "later", limits);
    expect(readCacheEntry(big)).toBeUndefined();
  });

  it("removes temp files a dead run left behind", () => {
    const temp = join(dir, "suite-x-abc.json.999.tmp");
    writeFileSync(temp, "half");
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(temp, old, old);
    writeCacheEntry(ref("a"), "a");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("who can read the cache", () => {
  it("is the owner alone: the folder 0700 (made so if it existed wider), its entries 0600", () => {
    const packageRoot = join(dir, "pkg");
    const cacheDir = join(packageRoot, "node_modules", ".cache", "conversation-contract");
    mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
    chmodSync(cacheDir, 0o755);
    expect(resolveCacheDir(packageRoot)).toBe(cacheDir);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    writeCacheEntry({ dir: cacheDir, slot: "s", key: cacheKey(["s"]) }, "p");
    const [entry] = readdirSync(cacheDir);
    expect(statSync(join(cacheDir, entry!)).mode & 0o777).toBe(0o600);
  });
});

describe("a cache folder an older version wrote", () => {
  it("is emptied once (its entries were not sealed), then kept", () => {
    const packageRoot = join(dir, "pkg");
    const cacheDir = join(packageRoot, "node_modules", ".cache", "conversation-contract");
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, "suite-0123-abcd.json"), JSON.stringify({ key: "abcd", payload: '{"variables":{"CLIENT_SECRET":"old-plain-secret"}}' }));
    expect(resolveCacheDir(packageRoot)).toBe(cacheDir);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toEqual([]);
    writeCacheEntry({ dir: cacheDir, slot: "s", key: cacheKey(["s"]) }, "p");
    expect(resolveCacheDir(packageRoot)).toBe(cacheDir);
    expect(readCacheEntry({ dir: cacheDir, slot: "s", key: cacheKey(["s"]) })).toBe("p");
  });
});
