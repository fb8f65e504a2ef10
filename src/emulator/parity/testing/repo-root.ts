import { join, relative, sep } from "node:path";

/** The repository's root directory. */
export const REPO_ROOT = join(__dirname, "../../../..");

/** A path relative to the repository's root, with / on every platform. */
export function repoPath(path: string): string {
  return relative(REPO_ROOT, path).split(sep).join("/");
}
