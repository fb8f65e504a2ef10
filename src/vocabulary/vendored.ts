import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Libraries a run loads only when its start-up cache misses (a collection to parse, a --schemas folder to compile),
 * each bundled by `npm run build` into one file of dist/vendor/ (.ci/bundle-vendor.js, esbuild): one file loads in
 * about half the CPU time of the hundreds of small ones it is made of. Name -> the module the bundle is made from
 * (package names, or an entry of .ci/vendor/).
 */
export const VENDORED = {
  "postman-collection": "postman-collection",
  "ajv-compiler": "./.ci/vendor/ajv-compiler.js",
} as const;

export type VendoredName = keyof typeof VENDORED;

/** The bundle `npm run build` made of a vendored library; undefined without one (running from source). */
export function vendoredBundle(name: VendoredName): string | undefined {
  const file = join(__dirname, "..", "vendor", `${name}.js`);
  return existsSync(file) ? file : undefined;
}
