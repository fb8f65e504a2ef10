import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig, type Config } from "../config";
import { tempDir } from "../gate/testing/records";
import { checkProject, coverageOfProject } from "./check-project";

const FIXTURES = join(__dirname, "..", "e2e", "fixtures");

function config(command: "check" | "coverage", suites: string[], cwd = FIXTURES, flags: string[] = []): Config {
  const { config: resolved } = resolveConfig({ argv: [command, ...suites, "--collections", "collections", "--schemas", "schemas", ...flags], env: {}, cwd });
  return resolved!;
}

/** The fixtures in a fresh directory, with the given extra files. */
function fixturesWith(files: Record<string, string>): string {
  const dir = tempDir("cc-check-");
  cpSync(FIXTURES, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("checkProject", () => {
  it("passes valid suites and counts what it checked", async () => {
    const checked = await checkProject(config("check", ["suites/green.yaml", "suites/broken.yaml"]));
    expect(checked).toMatchObject({ status: "passed", diagnostics: [], counts: { suites: 2, requests: 3 } });
    expect(checked.counts.steps).toBeGreaterThanOrEqual(2);
  });

  it("is invalid with the diagnostic at file:line and the source its code frame quotes", async () => {
    const checked = await checkProject(config("check", ["suites/invalid.yaml"]));
    expect(checked.status).toBe("invalid");
    expect(checked.diagnostics).toEqual([expect.objectContaining({ code: "CC_UNKNOWN_REQUEST", file: "suites/invalid.yaml", line: 4 })]);
    expect(checked.sources.get("suites/invalid.yaml")).toContain("Things/Create thign");
  });
});

describe("checkProject: the regression gate's accept file", () => {
  const bad = "accept:\n  - suite: contacts\n    clas: field-gone\n    reason: r\n    until: 2026-06-31\n";

  it("validates the default accept file when it is present, with positions relative to cwd", async () => {
    const cwd = fixturesWith({ "conversation-contract.accept.yaml": bad });
    const checked = await checkProject(config("check", ["suites/green.yaml"], cwd));
    expect(checked.status).toBe("invalid");
    expect(checked.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["CC_BAD_ACCEPT", "conversation-contract.accept.yaml", 3, 5],
    ]);
  });

  it("validates --accept FILE, and passes a valid one", async () => {
    const cwd = fixturesWith({ "bad.yaml": bad.replace("clas:", "class:"), "good.yaml": bad.replace("clas:", "class:").replace("06-31", "06-30") });
    const checked = await checkProject(config("check", ["suites/green.yaml"], cwd, ["--accept", "bad.yaml"]));
    expect(checked.diagnostics.map((d) => [d.code, d.file, d.line, d.message])).toEqual([
      ["CC_BAD_ACCEPT", "bad.yaml", 5, "`2026-06-31` is not a date YYYY-MM-DD"],
    ]);
    expect((await checkProject(config("check", ["suites/green.yaml"], cwd, ["--accept", "good.yaml"]))).status).toBe("passed");
  });
});

describe("coverageOfProject", () => {
  it("reports the operations the suites exercise", async () => {
    const covered = await coverageOfProject(config("coverage", ["suites/green.yaml"]));
    expect(covered.status).toBe("passed");
    expect(covered.coverage).toMatchObject({ covered: 3, total: 3, uncovered: [] });
  });

  it("gives no coverage for an invalid project", async () => {
    const covered = await coverageOfProject(config("coverage", ["suites/invalid.yaml"]));
    expect(covered.status).toBe("invalid");
    expect(covered.coverage).toBeUndefined();
    expect(covered.diagnostics.map((d) => d.code)).toEqual(["CC_UNKNOWN_REQUEST"]);
  });
});
