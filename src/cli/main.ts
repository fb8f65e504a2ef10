#!/usr/bin/env node
import { join, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import { resolveCacheDir } from "../load/cache-dir";
import { installCodeCache } from "./code-cache";

// undici's HTTP parser is WebAssembly: V8's optimizing compile of it runs in the background and process exit
// waits for it (~200 ms, most of a short run's wall time); the baseline compiler parses no measurably slower.
// Set before any of the CLI compiles: V8's code cache is only taken back with the flags it was made with.
setFlagsFromString("--liftoff-only");

const dist = join(__dirname, "..") + sep;
const packages = `${sep}node_modules${sep}`;
const cacheDir = resolveCacheDir(join(dist, ".."));
// the tool's own files and the packages it runs with; never a file of the user's
if (cacheDir !== undefined) installCodeCache((file) => file.startsWith(dist) || file.includes(packages), cacheDir);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./entry");
