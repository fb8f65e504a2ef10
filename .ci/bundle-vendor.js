#!/usr/bin/env node
// Part of `npm run build`: each library of src/vocabulary/vendored.ts bundled (esbuild) into one file of dist/vendor/,
// loaded instead of the installed package when a run needs it; the package itself stays a dependency.
"use strict";
const { rmSync } = require("node:fs");
const { join } = require("node:path");
const { build } = require("esbuild");
const { VENDORED, VENDORED_PARTS } = require("../dist/vocabulary/vendored");

const root = join(__dirname, "..");
/**
 * The parts of VENDORED_PARTS: inside postman-collection each module is replaced by its stand-in
 * (.ci/vendor/<part>-lazy.js says why), which requires the part's own bundle (./<part>.js) by its path when first used.
 */
const parts = {
  name: "vendored-parts",
  setup(build) {
    for (const [name, from] of Object.entries(VENDORED_PARTS)) {
      build.onResolve({ filter: new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`) }, (args) =>
        args.importer.includes(join("node_modules", "postman-collection")) ? { path: join(__dirname, "vendor", `${name}-lazy.js`) } : undefined);
      build.onResolve({ filter: new RegExp(`^\\./${name}\\.js$`) }, (args) => ({ path: args.path, external: true }));
    }
  },
};
/** undici's HTTP/2 client (and node:http2), loaded only when used (.ci/vendor/client-h2-lazy.js says why) */
const lazyHttp2 = {
  name: "lazy-http2",
  setup(build) {
    build.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
      args.importer.endsWith(join("undici", "lib", "dispatcher", "client.js")) ? { path: join(__dirname, "vendor", "client-h2-lazy.js") } : undefined);
  },
};
const outdir = join(root, "dist", "vendor");
rmSync(outdir, { recursive: true, force: true });
build({
  absWorkingDir: root,
  entryPoints: Object.entries({ ...VENDORED, ...VENDORED_PARTS }).map(([out, from]) => ({ out, in: from })),
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // whitespace only: names and messages stay as the libraries wrote them
  minifyWhitespace: true,
  legalComments: "eof",
  logLevel: "warning",
  plugins: [parts, lazyHttp2],
}).catch(() => {
  process.exitCode = 1; // esbuild has printed why
});
