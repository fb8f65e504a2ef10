import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plan, PlannedSuite, SuiteResult } from "../model";
import { createRedactor } from "../diagnostics";
import { createJunitReporter } from "./junit-reporter";
import { buildJunitXml } from "./junit-xml";
import { sampleRun, sampleStep, sampleSuite } from "./testing/sample-result";

/** A suite whose system-out is far longer than one read of a part file, with characters of two to four bytes throughout. */
function wideSuite(key: string, steps: number): SuiteResult {
  const [suiteId, region] = key.split("@") as [string, string];
  return sampleSuite(Array.from({ length: steps }, (_, i) => sampleStep({ name: `étape ${i} ${"✓🚀ü".repeat(8 + (i % 7))}`, request: `Things/Get ✓ ${i}` })), { key, suiteId, region, name: `Suite ${suiteId}` });
}

const item = (key: string) => ({ key, region: key.split("@")[1] }) as PlannedSuite;

describe("junit reporter fed suite by suite (a run that keeps no results)", () => {
  it("writes the document a whole result makes, in the plan's order, from its part files, and removes them", () => {
    const suites = [wideSuite("a@us", 1500), wideSuite("b@us", 3), wideSuite("c@eu", 900)];
    const cleanup = sampleSuite([sampleStep({ name: "nothing left behind", outcome: "failed" })], { key: "cleanup@all", suiteId: "cleanup", region: "all" });
    const outDir = mkdtempSync(join(tmpdir(), "cc-junit-parts-"));
    const reporter = createJunitReporter({ outDir, redactor: createRedactor([]), hostname: "ci-host" });
    reporter.onRunStart?.({ items: suites.map((s) => item(s.key)), regions: ["us", "eu"] } as Plan);
    for (const suite of [suites[1]!, suites[2]!, suites[0]!]) reporter.onSuiteEnd?.(item(suite.key), suite); // they finish out of order
    void reporter.onRunEnd?.({ ...sampleRun([...suites, cleanup]), suites: [cleanup] }); // the result holds only what was not announced

    const written = readFileSync(join(outDir, "junit.xml"), "utf8");
    expect(written.length).toBeGreaterThan(200_000);
    expect(written).toBe(buildJunitXml(sampleRun([...suites, cleanup]), { hostname: "ci-host" }));
    expect(readdirSync(outDir)).toEqual(["junit.xml"]);
  });
});
