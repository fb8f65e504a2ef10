import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestTemplate } from "../model";
import { loadParsedCollections, type CollectionCacheContext, type ParsedRequests } from "./collection-cache";
import { resolveCacheDir } from "./cache-dir";
import { cacheKey, readCacheEntry, writeCacheEntry } from "./disk-cache";

let dir: string;
let collections: string;
let cache: string;
let parses: number;

/** A small stand-in for parseCollection (load may not import parse): one template per item, counted. */
function parse(json: unknown, file: string): ParsedRequests {
  parses += 1;
  const items = (json as { item?: Array<{ name: string; url?: string }> }).item ?? [];
  const requests = new Map<string, RequestTemplate>();
  for (const it of items) {
    requests.set(`F/${it.name}`, { id: `F/${it.name}`, folder: "F", name: it.name, method: "GET", url: it.url ?? "", query: [], headers: {}, auth: "bearer", variables: {} });
  }
  const diagnostics = items.length === 0 ? [{ code: "CC_COLLECTION_INVALID", severity: "error" as const, message: "empty", file }] : [];
  return { requests, diagnostics };
}

const ctx = (over: Partial<CollectionCacheContext> = {}): CollectionCacheContext => ({ parse, toolVersion: "1.0.0", parserFingerprint: "p1", cacheDir: cache, ...over });
const write = (name: string, items: Array<{ name: string; url?: string }>) => writeFileSync(join(collections, name), JSON.stringify({ item: items }));
const entries = () => readdirSync(cache).filter((f) => f.endsWith(".json"));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-cache-"));
  collections = join(dir, "collections");
  cache = join(dir, "cache");
  mkdirSync(collections);
  mkdirSync(cache);
  parses = 0;
});
afterEach(() => {
  chmodSync(cache, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe("loadParsedCollections", () => {
  it("parses once, then serves the same requests from the cache", () => {
    write("a.postman_collection.json", [{ name: "One", url: "{{BASE_URL}}/one" }]);
    const first = loadParsedCollections(collections, ctx());
    const second = loadParsedCollections(collections, ctx());
    expect(parses).toBe(1);
    expect(first.parsed[0]!.fromCache).toBe(false);
    expect(second.parsed[0]!.fromCache).toBe(true);
    expect([...second.parsed[0]!.requests]).toEqual([...first.parsed[0]!.requests]);
    expect(second.parsed[0]!.requests.get("F/One")!.url).toBe("{{BASE_URL}}/one");
  });

  it("parses again when the collection file changes, and returns the new request", () => {
    write("a.postman_collection.json", [{ name: "One" }]);
    loadParsedCollections(collections, ctx());
    write("a.postman_collection.json", [{ name: "One" }, { name: "Two", url: "/two" }]);
    const after = loadParsedCollections(collections, ctx());
    expect(parses).toBe(2);
    expect(after.parsed[0]!.fromCache).toBe(false);
    expect(after.parsed[0]!.requests.get("F/Two")?.url).toBe("/two");
    expect(entries()).toHaveLength(1); // the old entry of that file was replaced, not kept
  });

  it("never serves an entry across tool versions or parser changes", () => {
    write("a.postman_collection.json", [{ name: "One" }]);
    loadParsedCollections(collections, ctx());
    expect(loadParsedCollections(collections, ctx({ toolVersion: "1.0.1" })).parsed[0]!.fromCache).toBe(false);
    expect(loadParsedCollections(collections, ctx({ toolVersion: "1.0.1", parserFingerprint: "p2" })).parsed[0]!.fromCache).toBe(false);
    expect(parses).toBe(3);
  });

  it("ignores a corrupt, truncated or tampered entry and rewrites it", () => {
    write("a.postman_collection.json", [{ name: "One" }]);
    loadParsedCollections(collections, ctx());
    const [name] = entries();
    const path = join(cache, name!);
    const good = readFileSync(path, "utf8");
    const entry = JSON.parse(good) as { payload: string; tag: string };
    const flipped = (text: string) => `${text[0] === "A" ? "B" : "A"}${text.slice(1)}`;
    const bad = [good.slice(0, good.length / 2), "not json", "{}", JSON.stringify({ ...entry, payload: flipped(entry.payload) }),
      JSON.stringify({ ...entry, tag: flipped(entry.tag) }), JSON.stringify({ ...entry, payload: "[]" })];
    for (const text of bad) {
      writeFileSync(path, text);
      const out = loadParsedCollections(collections, ctx());
      expect(out.parsed[0]!.fromCache).toBe(false);
      expect([...out.parsed[0]!.requests.keys()]).toEqual(["F/One"]);
    }
    expect(parses).toBe(1 + bad.length);
    expect(loadParsedCollections(collections, ctx()).parsed[0]!.fromCache).toBe(true);
  });

  it("works without a cache and with a cache folder it cannot write", () => {
    write("a.postman_collection.json", [{ name: "One" }]);
    expect(loadParsedCollections(collections, ctx({ cacheDir: undefined })).parsed[0]!.requests.size).toBe(1);
    expect(loadParsedCollections(collections, ctx({ cacheDir: join(dir, "missing", "deeper") })).parsed[0]!.requests.size).toBe(1);
    if (process.getuid?.() !== 0) {
      chmodSync(cache, 0o500);
      expect(loadParsedCollections(collections, ctx()).parsed[0]!.requests.size).toBe(1);
    }
    expect(parses).toBeGreaterThanOrEqual(2);
  });

  it("keeps loadCollections' diagnostics and caches the parser's own", () => {
    writeFileSync(join(collections, "bad.postman_collection.json"), '{"item": [');
    write("empty.postman_collection.json", []);
    const first = loadParsedCollections(collections, ctx());
    expect(first.loadDiagnostics.map((d) => [d.code, d.file])).toEqual([["CC_COLLECTION_INVALID", join(collections, "bad.postman_collection.json")]]);
    expect(first.loadDiagnostics[0]!.line).toBe(1);
    const again = loadParsedCollections(collections, ctx());
    expect(again.parsed.map((p) => [p.fromCache, p.diagnostics.map((d) => d.code)])).toEqual([[true, ["CC_COLLECTION_INVALID"]]]);
    expect(loadParsedCollections(join(dir, "nope"), ctx()).loadDiagnostics[0]?.code).toBe("CC_FILE_NOT_FOUND");
    expect(loadParsedCollections(cache, ctx()).loadDiagnostics.map((d) => d.code)).toEqual(["CC_FILE_NOT_FOUND"]);
  });
});

describe("disk cache", () => {
  it("keys differ for different inputs, even with the same concatenation", () => {
    expect(cacheKey(["ab", "c"])).not.toBe(cacheKey(["a", "bc"]));
    expect(cacheKey(["a", Buffer.from("b")])).toBe(cacheKey(["a", "b"]));
  });

  it("round-trips a payload, keeps one entry per slot and reads nothing for another key", () => {
    writeCacheEntry({ dir: cache, slot: "s", key: "k1" }, "one");
    writeCacheEntry({ dir: cache, slot: "t", key: "k1" }, "other slot");
    writeCacheEntry({ dir: cache, slot: "s", key: "k2" }, "two");
    expect(readCacheEntry({ dir: cache, slot: "s", key: "k2" })).toBe("two");
    expect(readCacheEntry({ dir: cache, slot: "s", key: "k1" })).toBeUndefined();
    expect(readCacheEntry({ dir: cache, slot: "t", key: "k1" })).toBe("other slot");
    expect(entries().sort()).toEqual(["s-k2.json", "t-k1.json"]);
  });

  it("finds a writable folder: node_modules/.cache beside an installed package, else inside the package", () => {
    const installed = join(dir, "proj", "node_modules", "conversation-contract");
    mkdirSync(installed, { recursive: true });
    expect(resolveCacheDir(installed)).toBe(join(dir, "proj", "node_modules", ".cache", "conversation-contract"));
    const checkout = join(dir, "checkout");
    mkdirSync(checkout);
    expect(resolveCacheDir(checkout)).toBe(join(checkout, "node_modules", ".cache", "conversation-contract"));
  });
});
