#!/usr/bin/env node
// Part of `npm run build`, last: dist/cli/entry.js (the CLI, which the `bin` dist/cli/main.js loads with V8's code cache)
// bundled (esbuild) with the code of dist/ it loads into that one file, so a run resolves and compiles one file where
// it loaded about 190 (a quarter of a short run's CPU).
// Every package of node_modules and the bundles of dist/vendor/ stay files of their own, loaded when needed as before.
// The rest of dist/ stays as tsc wrote it (the library, dist/index.js).
"use strict";
const { readFileSync } = require("node:fs");
const { dirname, join, relative, resolve, sep } = require("node:path");
const { build } = require("esbuild");
const { VENDORED } = require("../dist/vocabulary/vendored");

const DIST = join(__dirname, "..", "dist");
const ENTRY = join(DIST, "cli", "entry.js");
const BANNER = "// bundled by .ci/bundle-cli.js (npm run build): do not edit";
/**
 * Folders of dist/ that stay files of their own. Only dist/vendor/: a stage of dist/ kept out of the bundle would be a
 * second copy of every module it imports (diagnostics, contract...), and `instanceof DiagnosticError` fails across
 * copies. Inside the bundle each module still runs when first required, as before (esbuild wraps each one).
 */
const LAZY = ["vendor"];

const inside = (path, dir) => path === dir || path.startsWith(dir + sep);
/** A path for require() from dist/cli/, where the bundle is. */
const fromBundle = (file) => `./${relative(dirname(ENTRY), file).split(sep).join("/")}`;

const layout = {
  name: "dist-layout",
  setup(b) {
    // what stays a file of its own is required by its path from the bundle
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      return LAZY.some((dir) => inside(file, join(DIST, dir))) ? { path: fromBundle(file), external: true } : undefined;
    });
    // a package vendored under its own name (src/vocabulary/vendored.ts) is required from its bundle
    for (const [name, from] of Object.entries(VENDORED)) {
      if (name === from) b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: fromBundle(join(DIST, "vendor", `${name}.js`)), external: true }));
    }
    // __dirname of a module is its own folder, not the bundle's: files the build generated are found next to it
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const rel = relative(dirname(ENTRY), dirname(args.path)).split(sep).join("/");
      if (rel === "" || !/\b__dirname\b/.test(text)) return undefined;
      return { contents: text.replace(/\b__dirname\b/g, `require("node:path").join(__dirname, ${JSON.stringify(rel)})`), loader: "js" };
    });
  },
};

if (readFileSync(ENTRY, "utf8").includes(BANNER)) {
  process.stderr.write("dist/cli/entry.js is bundled already: run `npm run build`, which compiles it anew first\n");
  process.exit(1);
}
build({
  entryPoints: [ENTRY],
  outfile: ENTRY,
  allowOverwrite: true,
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "cjs",
  // ASCII only (other characters escaped): V8 keeps such a source as one byte per character and scans it faster
  charset: "ascii",
  minifyWhitespace: true,
  banner: { js: BANNER }, // esbuild keeps the entry's #! line above it
  logLevel: "warning",
  plugins: [layout],
}).catch(() => {
  process.exitCode = 1; // esbuild has printed why
});
