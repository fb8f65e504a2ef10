import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The package root (holds schemas/, collections/, suites/), found from this file so any cwd works. */
export const PACKAGE_ROOT = resolve(__dirname, "..", "..");

let cached: { name: string; version: string } | undefined;

/** Name and version from package.json. */
export function packageInfo(): { name: string; version: string } {
  if (!cached) {
    const json = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { name: string; version: string };
    cached = { name: json.name, version: json.version };
  }
  return cached;
}
