import { resolve } from "node:path";
import { resolveConfig } from "../config";
import { loadProject, type Project } from "../project/load-project";

const ROOT = resolve(__dirname, "..", "..");

describe("the package's suites", () => {
  const { config } = resolveConfig({ argv: ["check"], env: {}, cwd: ROOT });
  let project: Project;
  beforeAll(async () => {
    project = await loadProject(config!);
  });

  it("load and check without a problem", () => {
    expect(project.diagnostics).toEqual([]);
    expect(project.suites.length).toBeGreaterThan(10);
  });

  it("tag every suite with a callback step `callbacks`, and no other, so --exclude-tag callbacks needs no tunnel", () => {
    const waits = (s: Project["suites"][number]) => [...s.setup, ...s.steps, ...s.teardown].some((step) => step.kind === "callback");
    const untagged = project.suites.filter((s) => waits(s) && !s.tags.includes("callbacks")).map((s) => s.file);
    const needless = project.suites.filter((s) => !waits(s) && s.tags.includes("callbacks")).map((s) => s.file);
    expect({ untagged, needless }).toEqual({ untagged: [], needless: [] });
    expect(project.suites.filter(waits).length).toBeGreaterThan(0);
  });

  it("need no suite that has a callback step, so leaving those out leaves every other suite in", () => {
    const callbackSuites = new Set(project.suites.filter((s) => s.tags.includes("callbacks")).map((s) => s.id));
    expect(project.suites.filter((s) => s.needs.some((n) => callbackSuites.has(n))).map((s) => s.file)).toEqual([]);
  });
});
