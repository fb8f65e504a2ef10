import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

/** The folder exists, is ours, is readable by us alone (made so if need be) and writable. */
function usable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (typeof process.getuid === "function" && statSync(dir).uid !== process.getuid()) return false;
    chmodSync(dir, 0o700);
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cache folder: `node_modules/.cache/conversation-contract` next to the installed tool (or inside the package
 * when it runs from its own checkout), else a per-user folder in the temp dir; undefined when neither works. Either
 * is the user's own and mode 0700 (its entries are 0600): a folder someone else made could hold planted entries.
 */
export function resolveCacheDir(packageRoot: string): string | undefined {
  const parent = dirname(packageRoot);
  const modules = basename(parent) === "node_modules" ? parent : join(packageRoot, "node_modules");
  const primary = join(modules, ".cache", "conversation-contract");
  if (usable(primary)) return withCurrentLayout(primary);
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  const fallback = join(tmpdir(), `conversation-contract-cache-${user}`);
  return usable(fallback) ? withCurrentLayout(fallback) : undefined;
}

/** Marks a cache folder whose entries are all of this layout (parsed suites and collections sealed). */
const LAYOUT_MARK = "layout-2";

/** A folder older versions wrote to may hold their unsealed entries (with the secrets of suites): those go first. */
function withCurrentLayout(dir: string): string {
  const mark = join(dir, LAYOUT_MARK);
  if (existsSync(mark)) return dir;
  try {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
    writeFileSync(mark, "", { mode: 0o600 });
  } catch {
    // cannot clean it: the entries of other layouts are never read, and pruning removes them in time
  }
  return dir;
}
