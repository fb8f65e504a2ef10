import { createHash } from "node:crypto";
import { chmodSync, closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative } from "node:path";
import { constants, Script } from "node:vm";

/** One compiled file: V8's code cache for the file with exactly this text (none yet for a file compiled anew). */
interface StoredCode {
  file: string;
  sha256: string;
  data: Buffer | undefined;
}

/** How Node compiles a CommonJS file: the method this module takes over for the files it caches. */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/**
 * The store's file for this Node.js (`code-<id>.bin`, the seed's `code-seed-<id>.bin`): V8 rejects code cached by
 * another version (and code cached with other V8 flags: that file is then compiled and stored anew). A new one
 * replaces the others.
 */
const storeName = (kind = "code"): string => `${kind}-${createHash("sha256").update(`${process.version} ${process.arch}`).digest("hex").slice(0, 16)}.bin`;
const SEED = "code-seed";

/**
 * What a store holds at most. A process keeps the code of every file it loaded, and of the files other processes
 * stored, most recently stored first, up to this size: a CLI run needs ~1 MB, the newman command's packages ~10 MB.
 */
export const CODE_STORE_BYTES = 4 * 1024 * 1024;

/**
 * Compiles the files the process loads that `accepts` takes with V8's code cache kept in `dir` (the start-up cache
 * folder): a file compiled before, with the same text, is not parsed and compiled again. At exit, when a file was
 * compiled without its cache, the store is written anew with what the process compiled by then (its functions too,
 * not only the top level). Only the text's sha256 decides: a changed file compiles anew. Failures only cost speed.
 * A process that finds no store only leaves an empty one: writing the code costs a run ~15 ms, wasted where nothing
 * runs twice (a CI machine's fresh folder), so the code is stored by the second run in a folder, used from the third.
 * Only the store's index is read at start, and then the code of each file as it loads, so its size costs little.
 * A file the store does not have is taken from the seed when there is one: the code `npm run build` stored for the
 * package's files (writeSeed), so even a first run compiles only what the build did not. A process that writes the
 * store stores its own code of those files too (what it ran, not the build's run against the emulator).
 */
export function installCodeCache(accepts: (file: string) => boolean, dir: string, opts: CodeCacheOptions = {}): void {
  const storePath = join(dir, storeName());
  const stored = openStore(storePath);
  const seed = opts.seedDir === undefined ? undefined : openStore(join(opts.seedDir, storeName(SEED)));
  const loaded: StoredCode[] = [];
  /** files compiled anew or taken from the seed: when the store is written, it gets this process's code of them */
  const renewed: Array<{ code: StoredCode; script: Script }> = [];
  let compiledAnew = false;
  const proto = Module.prototype as unknown as CompilingModule;
  const compile = proto._compile;
  proto._compile = function (this: CompilingModule, content: string, filename: string): unknown {
    if (!accepts(filename)) return compile.call(this, content, filename);
    const sha256 = createHash("sha256").update(content).digest("hex");
    const ownCode = stored?.codeOf(filename, sha256);
    const cachedData = ownCode ?? seed?.codeOf(filename, sha256);
    // a #! line is valid only at the very start of a script, not inside the module wrapper (the line stays, empty)
    const source = `(function (exports, require, module, __filename, __dirname) { ${content.startsWith("#!") ? content.replace(/^#!.*/, "") : content}\n});`;
    let script: Script;
    try {
      script = new Script(source, { filename, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      // not a CommonJS script (an ES module's syntax): Node knows what to do with it, and says what is wrong
      return compile.call(this, content, filename);
    }
    const code: StoredCode = { file: filename, sha256, data: cachedData };
    const fresh = cachedData === undefined || script.cachedDataRejected === true;
    compiledAnew ||= fresh;
    loaded.push(code);
    if (fresh || ownCode === undefined) renewed.push({ code, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  process.once("exit", () => {
    if (stored === undefined) writeStore(dir, storePath, []);
    else if (compiledAnew) {
      for (const { code, script } of renewed) code.data = script.createCachedData();
      writeStore(dir, storePath, [...loaded, ...stored.others(new Set(loaded.map((c) => c.file)), (opts.limitBytes ?? CODE_STORE_BYTES) - size(loaded))]);
    }
    stored?.close();
    seed?.close();
  });
}

/** Options of installCodeCache. */
export interface CodeCacheOptions {
  /** the most the store holds, in bytes (CODE_STORE_BYTES) */
  limitBytes?: number;
  /** the folder of the seed (writeSeed) */
  seedDir?: string;
}

/**
 * Writes the seed: the store that a process with its code cache in `storeDir` wrote, without the files outside `root`.
 * Its files keep their full paths: V8's code names the file it was compiled from, and a stack trace would name that one,
 * so the seed serves the package only where it was built (an installed package built elsewhere compiles as before).
 * Returns how many files it holds.
 */
export function writeSeed(storeDir: string, root: string, seedDir: string): number {
  const store = openStore(join(storeDir, storeName()));
  if (!store) throw new Error(`no code store in ${storeDir}`);
  try {
    const inside = store.others(new Set(), Infinity).filter((c) => {
      const file = relative(root, c.file);
      return !file.startsWith("..") && !isAbsolute(file);
    });
    if (inside.length === 0) throw new Error(`the code store in ${storeDir} holds no file of ${root}`);
    removeSeed(seedDir);
    const path = join(seedDir, storeName(SEED));
    writeStore(seedDir, path, inside);
    // a file of the package, as the rest of dist/: readable by whoever runs it
    chmodSync(path, 0o644);
    return inside.length;
  } finally {
    store.close();
  }
}

/** Removes the seed from `seedDir` (the seed of any Node.js version). */
export function removeSeed(seedDir: string): void {
  for (const name of readdirSync(seedDir)) if (name.startsWith(`${SEED}-`)) rmSync(join(seedDir, name), { force: true });
}

/** Leaves an empty store in `dir`, so that the next process there stores what it compiles (it is not a first run). */
export function createEmptyStore(dir: string): void {
  writeStore(dir, join(dir, storeName()), []);
}

const size = (codes: StoredCode[]): number => codes.reduce((sum, c) => sum + (c.data?.length ?? 0), 0);

/** Where a file's code lies in the store. */
interface IndexEntry {
  file: string;
  sha256: string;
  start: number;
  length: number;
}

/** A store open for reading: its index is read at once, a file's code only when asked for. */
interface OpenStore {
  /** the stored code of the file with exactly this text */
  codeOf(file: string, sha256: string): Buffer | undefined;
  /** the code of stored files not in `except` that still exist, in the store's order, as long as they fit in `room` bytes */
  others(except: Set<string>, room: number): StoredCode[];
  close(): void;
}

/** The store at `path`; undefined when there is none or its index cannot be read. */
function openStore(path: string): OpenStore | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const indexLength = readAt(fd, 0, 4).readUInt32LE(0);
    if (4 + indexLength > fstatSync(fd).size) throw new Error("index past the end");
    const index = new Map((JSON.parse(readAt(fd, 4, indexLength).toString("utf8")) as IndexEntry[]).map((e) => [e.file, e]));
    const open = fd;
    const codeAt = (e: IndexEntry): Buffer | undefined => {
      try {
        return readAt(open, 4 + indexLength + e.start, e.length);
      } catch {
        return undefined;
      }
    };
    return {
      codeOf: (file, sha256) => {
        const e = index.get(file);
        return e?.sha256 === sha256 ? codeAt(e) : undefined;
      },
      others: (except, room) => {
        const kept: StoredCode[] = [];
        for (const [file, e] of index) {
          if (except.has(file)) continue;
          if (e.length > room) break;
          if (statSync(file, { throwIfNoEntry: false })?.isFile() !== true) continue;
          const data = codeAt(e);
          if (data === undefined) break;
          kept.push({ file, sha256: e.sha256, data });
          room -= e.length;
        }
        return kept;
      },
      close: () => closeSync(open),
    };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** Exactly `length` bytes of the file from `position`, or an error. */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  if (readSync(fd, bytes, 0, length, position) !== length) throw new Error("the store ends early");
  return bytes;
}

/** Writes the store: these files' code, in this order (the first are kept longest). */
function writeStore(dir: string, path: string, codes: StoredCode[]): void {
  try {
    const entries = codes.filter((c): c is StoredCode & { data: Buffer } => c.data !== undefined);
    let start = 0;
    const index = entries.map(({ file, sha256, data }) => {
      const at: IndexEntry = { file, sha256, start, length: data.length };
      start += data.length;
      return at;
    });
    const indexBytes = Buffer.from(JSON.stringify(index));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(indexBytes.length, 0);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([head, indexBytes, ...entries.map((e) => e.data)]), { mode: 0o600 });
    renameSync(temp, path);
    // stores of other Node.js versions are of no further use here
    for (const name of readdirSync(dir)) if (/^code-[0-9a-f]{16}\.bin$/.test(name) && join(dir, name) !== path) rmSync(join(dir, name), { force: true });
  } catch {
    // read-only or full disk: the next run compiles again
  }
}
