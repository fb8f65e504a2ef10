import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Libraries bundled by `npm run build` each into one file of dist/vendor/ (.ci/bundle-vendor.js, esbuild): one file
 * loads in about half the CPU time of the many small ones it is made of (yaml's 80 files: a fifth). Those a run loads
 * only when its start-up cache misses (a suite or collection to parse, a --schemas folder to compile), and the part of
 * undici every run sends with. Name -> the module the bundle is made from (package names, or an entry of .ci/vendor/).
 * A package bundled under its own name is taken from its bundle wherever the CLI's bundle imports it (.ci/bundle-cli.js).
 */
export const VENDORED = {
  "postman-collection": "postman-collection",
  yaml: "yaml",
  "ajv-compiler": "./.ci/vendor/ajv-compiler.js",
  "undici-agent": "./.ci/vendor/undici-agent.js",
} as const;

export type VendoredName = keyof typeof VENDORED;

/**
 * Parts of a vendored library bundled on their own, which a stand-in in its bundle loads on first use (.ci/vendor/):
 * postman-collection's faker and iconv-lite, two thirds of its code, which a run never calls; V8 would parse them on
 * every first run. Name -> the module the part is made from.
 */
export const VENDORED_PARTS = {
  "postman-faker": "@faker-js/faker/locale/en",
  "postman-iconv": "iconv-lite",
} as const;

/** The bundle `npm run build` made of a vendored library; undefined without one (running from source). */
export function vendoredBundle(name: VendoredName): string | undefined {
  const file = join(__dirname, "..", "vendor", `${name}.js`);
  return existsSync(file) ? file : undefined;
}
