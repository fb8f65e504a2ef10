import { readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { findOutsidePaths, listTestSources } from "./outside-paths/scan";
import { copyRepository, runJestIn } from "./repo-copy";

// `npm test` must pass on a fresh clone anywhere: no test may read outside the repository.
const ROOT = resolve(__dirname, "..", "..");
const USES_TESTDATA = /from "(\.\.\/)+testdata(\/[\w-]+)?"/;
/** Tests that run the built CLI or read what the build generated need dist/, which a copy does not have; the static scan covers them. */
const NEEDS_BUILD = /from "\.\/cli-process"|"(?:\.\.\/)+dist\//;

const rel = (file: string) => relative(ROOT, file).split("\\").join("/");

/** Test files that read the test data folder, and can run without a build. */
function testDataUsers(): string[] {
  return listTestSources(ROOT).filter((file) => {
    if (!file.endsWith(".test.ts")) return false;
    const text = readFileSync(file, "utf8");
    const inTestData = rel(dirname(file)) === "src/testdata";
    return (inTestData || USES_TESTDATA.test(text)) && !NEEDS_BUILD.test(text);
  });
}

describe("the test suite is self-contained", () => {
  it("has no test code whose paths lead outside the repository", () => {
    const found = listTestSources(ROOT).flatMap((file) => findOutsidePaths(file, { repoRoot: ROOT }));
    expect(found.map((f) => `${rel(f.file)}:${f.line}:${f.column}: ${f.reason}`)).toEqual([]);
  });

  it("runs the tests that use the test data from a copy of the repository with nothing around it", async () => {
    const tests = testDataUsers().map(rel);
    expect(tests).toEqual(expect.arrayContaining([
      "src/contract/fixtures.test.ts",
      "src/emulator/callbacks/signing.test.ts",
      "src/report/junit-xml.test.ts",
      "src/testdata/testdata.test.ts",
    ]));
    const copy = copyRepository(ROOT);
    try {
      const run = await runJestIn(copy, tests);
      const summary = `Test Suites: ${tests.length} passed, ${tests.length} total`;
      // the whole output is the useful message when this fails: it names the missing file
      expect({ code: run.code, summary: run.output.includes(summary) ? summary : run.output }).toEqual({ code: 0, summary });
    } finally {
      rmSync(join(copy, "..", "..", ".."), { recursive: true, force: true });
    }
  }, 180_000);
});
