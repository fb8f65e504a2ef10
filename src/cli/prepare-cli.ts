import { join, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import { installCodeCache } from "./code-cache";

/**
 * What the CLI's bundle (`./entry`) is loaded under: V8's flags, then the code cache in `cacheDir` (none without one),
 * seeded from dist/cli/. The bin (main.ts) and the build's seed (.ci/seed-code-cache.js) both load it so.
 */
export function prepareCli(cacheDir: string | undefined): void {
  // undici's HTTP parser is WebAssembly: V8's optimizing compile of it runs in the background and process exit
  // waits for it (~200 ms, most of a short run's wall time); the baseline compiler parses no measurably slower.
  // Set before any of the CLI compiles: V8's code cache is only taken back with the flags it was made with.
  setFlagsFromString("--liftoff-only");
  // V8 grows the young generation to 2 x 16 MB when much of it survives a scavenge, as a run's in-flight steps do: at a
  // 1 MB semi-space the garbage dies in memory the CPU cache holds, a 10,000-step run peaks ~25 MB lower and ends sooner
  setFlagsFromString("--semi-space-growth-factor=1");
  // and the old generation grows to twice what survived its last collection, not up to four times: what a run keeps is
  // small, what it leaves behind is not, so the peak follows the first and not the second (100,000 steps: 165 -> 105 MB)
  setFlagsFromString("--heap-growing-percent=100");
  const dist = join(__dirname, "..") + sep;
  const packages = `${sep}node_modules${sep}`;
  // the tool's own files and the packages it runs with; never a file of the user's
  const accepts = (file: string): boolean => file.startsWith(dist) || file.includes(packages);
  if (cacheDir !== undefined) installCodeCache(accepts, cacheDir, { seedDir: __dirname });
}
