import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Suite } from "../model";

/** A need names a suite by file stem; anything that could climb out of a folder is not looked up. */
const SUITE_STEM = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** What finding needed suites looks at: the suites loaded so far, the cwd their files are relative to, and the package's suites. */
export interface NeedSearch {
  suites: Suite[];
  cwd: string;
  packageSuites: string;
}

function candidates(stem: string, dirs: string[]): string[] {
  return dirs.flatMap((dir) => [join(dir, `${stem}.yaml`), join(dir, `${stem}.yml`)]);
}

/**
 * Files of the suites that loaded suites `need` but that are not loaded: `<need>.yaml` (or `.yml`) next to
 * the suite that needs it, else in the package's suites/. A need found nowhere is left to the checks, which
 * report it once (CC_UNKNOWN_NEED).
 */
export function neededSuiteFiles(search: NeedSearch): string[] {
  const loaded = new Set(search.suites.map((s) => s.id));
  const found = new Map<string, string>();
  for (const suite of search.suites) {
    const own = dirname(isAbsolute(suite.file) ? suite.file : resolve(search.cwd, suite.file));
    for (const need of suite.needs) {
      if (loaded.has(need) || found.has(need) || !SUITE_STEM.test(need)) continue;
      const file = candidates(need, [own, search.packageSuites]).find((path) => existsSync(path));
      if (file) found.set(need, file);
    }
  }
  return [...found.values()];
}
