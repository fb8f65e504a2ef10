import { join } from "node:path";
import { resolveConfig, type Config } from "../config";
import { checkProject, coverageOfProject } from "./check-project";

const FIXTURES = join(__dirname, "..", "e2e", "fixtures");

function config(command: "check" | "coverage", suites: string[]): Config {
  const { config: resolved } = resolveConfig({ argv: [command, ...suites, "--collections", "collections", "--schemas", "schemas"], env: {}, cwd: FIXTURES });
  return resolved!;
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
