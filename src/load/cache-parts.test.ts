import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCachePartsWriter, openCacheParts, writeCacheParts } from "./cache-parts";
import { cacheKey, sealKey, type SealedCacheRef } from "./disk-cache";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-parts-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ref = (input: string): SealedCacheRef => ({ dir, slot: "suite-x", key: cacheKey([input]), seal: sealKey([input]) });

describe("an entry in parts", () => {
  it("is read back part by part, in any order, and keeps being readable while open though the slot is rewritten or the file removed", () => {
    writeCacheParts(ref("one"), ["a", "b".repeat(70_000), "c\u00e9"]);
    const open = openCacheParts(ref("one"));
    expect(open.count).toBe(3);
    writeCacheParts(ref("two"), ["other"]);
    expect(readdirSync(dir)).toHaveLength(1);
    rmSync(join(dir, readdirSync(dir)[0]!));
    expect([open.part(2), open.part(0), open.part(1).length]).toEqual(["c\u00e9", "a", 70_000]);
    open.close();
    open.close();
    expect(() => open.part(0)).toThrow();
  });

  it("is refused whole when a part was changed, cut off or moved, or it is for other inputs", () => {
    writeCacheParts(ref("one"), ["a", "b", "c"]);
    const path = join(dir, readdirSync(dir)[0]!);
    const [header, ...lines] = readFileSync(path, "utf8").trimEnd().split("\n");
    for (const tampered of [[lines[0], lines[1]], [lines[1], lines[0], lines[2]], [lines[0], lines[1], lines[2], lines[2]]]) {
      writeFileSync(path, `${[header, ...tampered].join("\n")}\n`);
      expect(() => openCacheParts(ref("one"))).toThrow();
    }
    expect(() => openCacheParts(ref("two"))).toThrow();
  });

  it("written a part at a time leaves nothing when aborted or given no part, and nothing but the entry when committed", () => {
    const aborted = createCachePartsWriter(ref("one"))!;
    aborted.add("a");
    aborted.abort();
    expect(readdirSync(dir)).toEqual([]);
    expect(createCachePartsWriter(ref("one"))!.commit()).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const writer = createCachePartsWriter(ref("one"))!;
    writer.add("a");
    writer.add("b");
    expect(writer.commit()).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
    const open = openCacheParts(ref("one"));
    expect([open.part(0), open.part(1)]).toEqual(["a", "b"]);
    open.close();
  });
});
