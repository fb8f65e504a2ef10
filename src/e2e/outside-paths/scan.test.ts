import { tmpdir } from "node:os";
import { join } from "node:path";
import { findOutsidePaths, type OutsidePath } from "./scan";

// A repository that exists only in memory, under the temp folder so its parent is a real machine path.
const ROOT = join(tmpdir(), "cc-scan-fixture", "repo");
const TEST_FILE = join(ROOT, "src", "stage", "thing.test.ts");
const HELPER_FILE = join(ROOT, "src", "e2e", "files.ts");
const HELPER = ['import * as path from "path";', 'export const REPO_ROOT = path.resolve(__dirname, "..", "..");'].join("\n");

function scan(...lines: string[]): OutsidePath[] {
  const sources = new Map([[TEST_FILE, lines.join("\n")], [HELPER_FILE, HELPER]]);
  return findOutsidePaths(TEST_FILE, { repoRoot: ROOT, read: (f) => sources.get(f) });
}

const reasons = (found: OutsidePath[]) => found.map((f) => f.reason);

describe("finding test code that reads outside the repository", () => {
  it("follows resolve(__dirname, ...) out of the repository, with the line and column", () => {
    const found = scan('import { resolve } from "node:path";', 'const XSD = resolve(__dirname, "../../../shared/reference/junit/JUnit.xsd");');
    expect(found).toEqual([{
      file: TEST_FILE, line: 2, column: 13,
      reason: `resolves to ${join(ROOT, "..", "shared", "reference", "junit", "JUnit.xsd")}, outside the repository ${ROOT}`,
    }]);
  });

  it("follows constants built from constants", () => {
    const found = scan('import { resolve } from "node:path";', 'const ROOT = resolve(__dirname, "..", "..");', 'const XSD = resolve(ROOT, "../shared/x.xsd");');
    expect(found.map((f) => f.line)).toEqual([3]);
  });

  it("follows a constant imported from a helper module", () => {
    const found = scan('import * as path from "path";', 'import { REPO_ROOT } from "../e2e/files";', 'const DATA = path.join(REPO_ROOT, "..", "shared");');
    expect(reasons(found)).toEqual([`resolves to ${join(ROOT, "..", "shared")}, outside the repository ${ROOT}`]);
  });

  it("knows join from a destructured require of path", () => {
    const found = scan('const { join } = require("path") as typeof import("path");', 'const up = join(__dirname, "..", "..", "..", "shared");');
    expect(found).toHaveLength(1);
  });

  it("follows a template built on __dirname", () => {
    expect(scan("const up = `${__dirname}/../../../shared/fixtures`;")).toHaveLength(1);
  });

  it("flags an absolute path that only one machine has", () => {
    const found = scan('const A = "/work/shared/sinch/fixtures";', 'const B = "/home/someone/data.json";', 'const C = "C:\\\\data\\\\x.json";');
    expect(reasons(found)).toEqual([
      'absolute path "/work/shared/sinch/fixtures" exists on one machine only',
      'absolute path "/home/someone/data.json" exists on one machine only',
      'absolute path "C:\\data\\x.json" exists on one machine only',
    ]);
  });

  it("flags a relative path handed straight to node:fs, which starts at the working directory", () => {
    const found = scan('import { readFileSync } from "node:fs";', 'const x = readFileSync("../shared/x.json", "utf8");');
    expect(reasons(found)).toEqual([`resolves to ${join(ROOT, "..", "shared", "x.json")}, outside the repository ${ROOT}`]);
  });

  it("flags the home directory, however it is reached", () => {
    const found = scan(
      'import os, { homedir } from "node:os";',
      "const a = homedir();",
      "const b = os.homedir();",
      "const c = process.env.HOME;",
      'const d = process.env["USERPROFILE"];',
    );
    expect(found.map((f) => f.line)).toEqual([2, 3, 4, 5]);
  });

  it("accepts paths inside the repository, URL paths, temp folders and module specifiers", () => {
    const found = scan(
      'import { join, resolve } from "node:path";',
      'import { tmpdir } from "node:os";',
      'import { thing } from "../other";',
      'const SCHEMAS = resolve(__dirname, "../../schemas");',
      'const FIXTURES = join(__dirname, "..", "e2e", "fixtures");',
      'const route = "/v1/projects/{project_id}/contacts";',
      "const url = `${BASE}/v1/projects/${PROJECT}`;",
      'const out = join(tmpdir(), "cc-out");',
      'const up = resolve(out, "..");',
      'const table = require("../table.json");',
      'jest.mock("../../model");',
    );
    expect(found).toEqual([]);
  });
});
