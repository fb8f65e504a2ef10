import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RunFooter, RunHeader, SuiteRecord } from "../model";
import { junitXsdErrors } from "../testdata/junit-xsd";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

async function runFromRoot(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), "cc-main-"));
  const r = await runBuiltCli(["run", ...args, "--out", out], { cwd: ROOT, env: { CI: "true" } });
  const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { header: RunHeader; suites: SuiteRecord[]; footer: RunFooter };
  return { ...r, out, results };
}

describe("the main job: every suite against the built-in emulator (built CLI)", () => {
  it("is green in us and eu, and the emulator holds nothing afterwards", async () => {
    const r = await runFromRoot([]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.results.header.regions).toEqual(["us", "eu"]);
    expect(r.results.footer.totals.failed + r.results.footer.totals.errors).toBe(0);
    // nothing left behind: no suite got the failing cleanup step, and there is no extra entry
    expect(r.results.suites.flatMap((s) => s.steps).filter((step) => step.name === "nothing left behind")).toEqual([]);
    expect(r.results.suites.some((s) => s.suiteId === "cleanup")).toBe(false);
    expect(r.results.footer.totals.suites).toBe(r.results.suites.length);
    expect(new Set(r.results.suites.map((s) => s.region))).toEqual(new Set(["us", "eu"]));
    expect(await junitXsdErrors(readFileSync(join(r.out, "junit.xml"), "utf8"))).toEqual([]);
  }, 120_000);

  it("fails (exit 1) and names what a suite left behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-leak-"));
    const suite = join(dir, "leaky.yaml");
    writeFileSync(suite, [
      "name: Leaky",
      "steps:",
      "  - name: create a contact and never delete it",
      "    request: Contacts/Create contact",
      "    body: { channel_identities: [{ channel: SMS, identity: '46701112222' }], language: EN_US }",
      "",
    ].join("\n"));
    const r = await runFromRoot([suite, "--region", "us"]);
    expect(r.code).toBe(1);
    // the suite's record was written when it ended; the cleanup check found the leak after the run and wrote a record
    // of its own, so no suite key appears twice
    expect(r.results.suites.map((s) => [s.key, s.outcome, s.steps.map((step) => step.name)])).toEqual([
      ["leaky@us", "passed", ["create a contact and never delete it"]], ["cleanup@all", "failed", ["nothing left behind by leaky@us"]],
    ]);
    expect(r.results.suites[1]?.steps[0]?.failures.map((f) => f.message)).toEqual([expect.stringMatching(/^1 contacts left in us .*created by leaky@us/)]);
    expect(r.results.footer.totals).toMatchObject({ suites: 1, steps: 2, failed: 1 });
    expect(r.stdout).toContain("1 contacts left in us");
  }, 60_000);
});
