import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { createEmptyStore, writeSeed } from "../cli/code-cache";
import { runBuiltCli } from "./cli-process";

const CODE_CACHE = resolve(__dirname, "..", "..", "dist", "cli", "code-cache.js");

/**
 * A folder with a package-like `root/` of modules, a cache folder, a seed folder (empty until a test writes a seed)
 * and `start(main)`, which loads `root/<main>` with the code cache (a store of at most `limit` bytes when given).
 */
function project(limit?: number): { root: string; cache: string; seed: string; start: (main?: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "cc-code-cache-"));
  const root = join(dir, "root");
  const cache = join(dir, "cache");
  const seed = join(dir, "seed");
  for (const folder of [root, cache, seed]) mkdirSync(folder);
  const start = join(dir, "start.js");
  const options = JSON.stringify({ ...(limit === undefined ? {} : { limitBytes: limit }), seedDir: seed });
  const args = [`(file) => file.startsWith(${JSON.stringify(root + sep)})`, JSON.stringify(cache), options];
  writeFileSync(start, `require(${JSON.stringify(CODE_CACHE)}).installCodeCache(${args.join(", ")});\nrequire(require("node:path").join(${JSON.stringify(root)}, process.argv[2]));\n`);
  return { root, cache, seed, start: (main = "main.js") => execFileSync(process.execPath, [start, main], { encoding: "utf8" }) };
}

const storeOf = (cache: string): string[] => readdirSync(cache).filter((name) => /^code-[0-9a-f]{16}\.bin$/.test(name));
/** The files a store holds, from its index (a length, then JSON). */
function filesIn(path: string): string[] {
  const bytes = readFileSync(path);
  return (JSON.parse(bytes.toString("utf8", 4, 4 + bytes.readUInt32LE(0))) as Array<{ file: string }>).map((e) => e.file);
}

describe("the CLI's code cache (V8's compiled code of the package's files, kept between runs)", () => {
  it("a first process leaves an empty store, the second stores what it compiled, the third takes it back without writing", () => {
    const p = project();
    writeFileSync(join(p.root, "main.js"), "#!/usr/bin/env node\nconst { twice } = require('./lib');\nconsole.log(twice(21), __filename.endsWith('main.js'), typeof module.exports);\n");
    writeFileSync(join(p.root, "lib.js"), "exports.twice = (n) => n * 2;\n");
    expect(p.start()).toBe("42 true object\n");
    const [store] = storeOf(p.cache);
    expect(store).toBeDefined();
    expect(filesIn(join(p.cache, store!))).toEqual([]);
    expect(p.start()).toBe("42 true object\n");
    expect(filesIn(join(p.cache, store!)).sort()).toEqual([join(p.root, "lib.js"), join(p.root, "main.js")]);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(p.cache, store!), old, old);
    expect(p.start()).toBe("42 true object\n");
    // every file came from the cache: nothing was compiled anew, so nothing was written
    expect(statSync(join(p.cache, store!)).mtimeMs).toBeLessThan(Date.now() - 30_000);
  });

  it("never runs code cached for another text of a file, even one of the same length", () => {
    const p = project();
    writeFileSync(join(p.root, "main.js"), "console.log(require('./lib').value());\n");
    writeFileSync(join(p.root, "lib.js"), "exports.value = () => 'one';\n");
    expect(p.start()).toBe("one\n");
    expect(p.start()).toBe("one\n"); // stored now
    writeFileSync(join(p.root, "lib.js"), "exports.value = () => 'two';\n");
    expect(p.start()).toBe("two\n");
    expect(p.start()).toBe("two\n");
  });

  it("a damaged store costs only speed: the modules run and the store is written anew", () => {
    const p = project();
    writeFileSync(join(p.root, "main.js"), "console.log('ran');\n");
    p.start();
    const [store] = storeOf(p.cache);
    writeFileSync(join(p.cache, store!), Buffer.from([1, 2, 3, 4, 5, 6, 7]));
    expect(p.start()).toBe("ran\n");
    expect(p.start()).toBe("ran\n");
    expect(filesIn(join(p.cache, store!))).toEqual([join(p.root, "main.js")]);
  });

  it("leaves the modules it is not asked to cache to Node: they are neither cached nor changed", () => {
    const p = project();
    const outside = join(p.root, "..", "outside.js");
    writeFileSync(outside, "exports.where = 'outside';\n");
    writeFileSync(join(p.root, "main.js"), `console.log(require(${JSON.stringify(outside)}).where);\n`);
    expect(p.start()).toBe("outside\n");
    expect(p.start()).toBe("outside\n");
    expect(filesIn(join(p.cache, storeOf(p.cache)[0]!))).toEqual([join(p.root, "main.js")]);
  });

  it("hands a file that is not a CommonJS script (ES module syntax) back to Node, which loads it as without the cache", () => {
    const p = project();
    writeFileSync(join(p.root, "esm.js"), "export const where = 'an ES module';\n");
    writeFileSync(join(p.root, "main.js"), "try { console.log(require('./esm.js').where); } catch (e) { console.log(e.code ?? e.name); }\n");
    const plain = execFileSync(process.execPath, [join(p.root, "main.js")], { encoding: "utf8" });
    expect(plain.length).toBeGreaterThan(1);
    expect(p.start()).toBe(plain);
    expect(p.start()).toBe(plain);
  });

  it("keeps the files of the process that writes it first, and those of others only as long as they fit in its size", () => {
    const twoPrograms = (limit: number) => {
      const p = project(limit);
      for (const name of ["a", "b"]) {
        writeFileSync(join(p.root, `${name}.js`), `console.log(require('./${name}-lib').name);\n`);
        writeFileSync(join(p.root, `${name}-lib.js`), `exports.name = '${name}';\n`);
      }
      const filesNow = () => filesIn(join(p.cache, storeOf(p.cache)[0]!)).map((file) => file.slice(p.root.length + 1));
      return { p, filesNow };
    };
    const roomy = twoPrograms(1024 * 1024);
    for (const main of ["a.js", "a.js", "b.js"]) roomy.p.start(main);
    expect(roomy.filesNow()).toEqual(["b.js", "b-lib.js", "a.js", "a-lib.js"]);

    const tight = twoPrograms(1);
    for (const main of ["a.js", "a.js"]) expect(tight.p.start(main)).toBe("a\n");
    expect(tight.filesNow()).toEqual(["a.js", "a-lib.js"]);
    expect(tight.p.start("b.js")).toBe("b\n");
    expect(tight.filesNow()).toEqual(["b.js", "b-lib.js"]);
    expect(tight.p.start("a.js")).toBe("a\n");
    expect(tight.filesNow()).toEqual(["a.js", "a-lib.js"]);
  });

  it("takes the code its store lacks from the seed the build wrote, for the same text only: a first run compiles nothing", () => {
    const p = project();
    writeFileSync(join(p.root, "main.js"), "console.log(require('./lib').value());\n");
    writeFileSync(join(p.root, "lib.js"), "exports.value = () => 'one';\n");
    // as the build makes it: an empty store first, so the one process stores what it compiled
    createEmptyStore(p.cache);
    expect(p.start()).toBe("one\n");
    expect(writeSeed(p.cache, p.root, p.seed)).toBe(2);
    rmSync(join(p.cache, storeOf(p.cache)[0]!));
    expect(p.start()).toBe("one\n");
    expect(p.start()).toBe("one\n");
    // everything came from the seed, twice: nothing was compiled, so the store the first left empty was not written
    expect(filesIn(join(p.cache, storeOf(p.cache)[0]!))).toEqual([]);
    writeFileSync(join(p.root, "lib.js"), "exports.value = () => 'two';\n");
    expect(p.start()).toBe("two\n");
    // lib.js was compiled anew: the store is written, with this process's code of main.js too
    expect(filesIn(join(p.cache, storeOf(p.cache)[0]!)).sort()).toEqual([join(p.root, "lib.js"), join(p.root, "main.js")]);
  });

  it("the built CLI keeps its store in the start-up cache folder, over the build's seed, and answers the same from them", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-code-cache-cli-"));
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runBuiltCli(["--version"], { cwd }));
    expect(runs[0]!.code).toBe(0);
    expect(runs[2]).toEqual(runs[0]);
    const root = resolve(__dirname, "..", "..");
    const notThePackage = (files: string[]) => files.filter((file) => !file.startsWith(join(root, "dist")) && !file.includes("/node_modules/"));
    const cacheDir = join(root, "node_modules", ".cache", "conversation-contract");
    const stores = storeOf(cacheDir);
    expect(stores).toHaveLength(1);
    // what the build's seed has is stored only by a process that compiled something else as well (the order of tests decides)
    expect(notThePackage(filesIn(join(cacheDir, stores[0]!)))).toEqual([]);
    const seeds = readdirSync(join(root, "dist", "cli")).filter((name) => /^code-seed-[0-9a-f]{16}\.bin$/.test(name));
    expect(seeds).toHaveLength(1);
    const seeded = filesIn(join(root, "dist", "cli", seeds[0]!));
    expect(seeded).toEqual(expect.arrayContaining([join(root, "dist", "cli", "entry.js"), join(root, "dist", "vendor", "yaml.js"), join(root, "dist", "vendor", "undici-agent.js")]));
    expect(notThePackage(seeded)).toEqual([]);
  });
});
