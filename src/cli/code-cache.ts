import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { constants, Script } from "node:vm";

/** One compiled file in the store: V8's code cache for the file with exactly this text. */
interface StoredCode {
  file: string;
  sha256: string;
  data: Buffer;
}

/** How Node compiles a CommonJS file: the method this module takes over for the files it caches. */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/**
 * The store's file for this Node.js: V8 rejects code cached by another version (and code cached with other V8 flags:
 * that file is then compiled and stored anew). A store holds every file it cached; a new one replaces the others.
 */
const storeName = (): string => `code-${createHash("sha256").update(`${process.version} ${process.arch}`).digest("hex").slice(0, 16)}.bin`;

/**
 * Compiles the files the process loads that `accepts` takes with V8's code cache kept in `dir` (the start-up cache
 * folder): a file compiled before, with the same text, is not parsed and compiled again. At exit, when a file was
 * compiled without its cache, the store is written anew with what the process compiled by then (its functions too,
 * not only the top level). Only the text's sha256 decides: a changed file compiles anew. Failures only cost speed.
 * A process that finds no store only leaves an empty one: writing the code costs a run ~15 ms, wasted where nothing
 * runs twice (a CI machine's fresh folder), so the code is stored by the second run in a folder, used from the third.
 */
export function installCodeCache(accepts: (file: string) => boolean, dir: string): void {
  const storePath = join(dir, storeName());
  const stored = readStore(storePath);
  const compiled: Array<{ file: string; sha256: string; script: Script }> = [];
  const proto = Module.prototype as unknown as CompilingModule;
  const compile = proto._compile;
  proto._compile = function (this: CompilingModule, content: string, filename: string): unknown {
    if (!accepts(filename)) return compile.call(this, content, filename);
    const sha256 = createHash("sha256").update(content).digest("hex");
    const cached = stored?.get(filename);
    const cachedData = cached?.sha256 === sha256 ? cached.data : undefined;
    // a #! line is valid only at the very start of a script, not inside the module wrapper (the line stays, empty)
    const source = `(function (exports, require, module, __filename, __dirname) { ${content.startsWith("#!") ? content.replace(/^#!.*/, "") : content}\n});`;
    let script: Script;
    try {
      script = new Script(source, { filename, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      // not a CommonJS script (an ES module's syntax): Node knows what to do with it, and says what is wrong
      return compile.call(this, content, filename);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) compiled.push({ file: filename, sha256, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  process.once("exit", () => {
    if (stored === undefined) writeStore(dir, storePath, new Map(), []);
    else if (compiled.length > 0) writeStore(dir, storePath, stored, compiled);
  });
}

/** The store's entries by file; undefined when there is none or it cannot be read. */
function readStore(path: string): Map<string, StoredCode> | undefined {
  try {
    const entries = new Map<string, StoredCode>();
    const bytes = readFileSync(path);
    const indexLength = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.toString("utf8", 4, 4 + indexLength)) as Array<{ file: string; sha256: string; start: number; length: number }>;
    for (const { file, sha256, start, length } of index) {
      entries.set(file, { file, sha256, data: bytes.subarray(4 + indexLength + start, 4 + indexLength + start + length) });
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** Writes the store: what this process compiled, and the entries read before for files that still exist. */
function writeStore(dir: string, path: string, stored: Map<string, StoredCode>, compiled: Array<{ file: string; sha256: string; script: Script }>): void {
  try {
    const entries = new Map([...stored].filter(([file]) => statSync(file, { throwIfNoEntry: false })?.isFile() === true));
    for (const { file, sha256, script } of compiled) entries.set(file, { file, sha256, data: script.createCachedData() });
    let start = 0;
    const index = [...entries.values()].map(({ file, sha256, data }) => {
      const at = { file, sha256, start, length: data.length };
      start += data.length;
      return at;
    });
    const indexBytes = Buffer.from(JSON.stringify(index));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(indexBytes.length, 0);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([head, indexBytes, ...[...entries.values()].map((e) => e.data)]), { mode: 0o600 });
    renameSync(temp, path);
    // stores of other Node.js versions are of no further use here
    for (const name of readdirSync(dir)) if (/^code-[0-9a-f]{16}\.bin$/.test(name) && join(dir, name) !== path) rmSync(join(dir, name), { force: true });
  } catch {
    // read-only or full disk: the next run compiles again
  }
}
