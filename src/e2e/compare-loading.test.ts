import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { suiteRecord, tempDir, writeResults } from "../gate/testing/records";
import { runBuiltCli } from "./cli-process";

const ROOT = join(__dirname, "..", "..");

/** Runs the built `compare` with a --require probe that lists, at exit, every module the process loaded. */
async function modulesOfCompare(withAcceptFile: boolean): Promise<string[]> {
  const dir = tempDir("cc-compare-lazy-");
  const runs = [suiteRecord("contacts", "us", [{ name: "create contact", shape: { $: "object", "$.id": "string" } }])];
  const baseline = await writeResults(join(dir, "baseline.json"), runs);
  const candidate = await writeResults(join(dir, "candidate.json"), runs);
  if (withAcceptFile) writeFileSync(join(dir, "conversation-contract.accept.yaml"), "accept: []\n");
  const probe = join(dir, "probe.js");
  const list = join(dir, "modules.json");
  writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const run = await runBuiltCli(["compare", baseline, candidate, "--out", join(dir, "gate")], { cwd: dir, env: { CI: "true", NODE_OPTIONS: `--require ${probe}` } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return (JSON.parse(readFileSync(list, "utf8")) as string[]).map((file) => relative(ROOT, file));
}

/*
 * The CLI is one bundled file (dist/cli/main.js, see .ci/bundle-cli.js): what the probe can see are the packages and
 * dist/vendor/ bundles a command loads besides it.
 */
describe("what compare loads (it reads two files: no HTTP client, no schema compiler, no yaml without an accept file)", () => {
  it("loads no package of the runner", async () => {
    const loaded = await modulesOfCompare(false);
    expect(loaded).toContain("dist/cli/main.js"); // the probe saw the comparison
    expect(loaded.filter((m) => /^node_modules\/(yaml|undici|ajv|ajv-formats|postman-collection|jsonpath-plus)\//.test(m) || m.startsWith("dist/vendor/"))).toEqual([]);
  });

  it("loads yaml when there is an accept file to read (the probe sees it when it is loaded)", async () => {
    const loaded = await modulesOfCompare(true);
    expect(loaded.filter((m) => m === "dist/vendor/yaml.js" || m.startsWith("node_modules/yaml/")).length).toBeGreaterThan(0);
  });
});
