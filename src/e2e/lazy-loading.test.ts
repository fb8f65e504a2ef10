import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runBuiltCli } from "./cli-process";
import { startFakeApi, type FakeApi } from "./fake-api";

const FIXTURES = join(__dirname, "fixtures");
const ROOT = join(__dirname, "..", "..");
const CREDS = { SINCH_CLIENT_ID: "lazy-client", SINCH_CLIENT_SECRET: "lazy-client-secret-value", SINCH_PROJECT_ID: "lazy", CI: "true" };

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi({ clientId: CREDS.SINCH_CLIENT_ID, clientSecret: CREDS.SINCH_CLIENT_SECRET, token: "lazy-token-0123456789" });
});
afterAll(() => api.close());

/** Runs the built CLI with a --require probe that lists, at exit, every module the process loaded (package-relative). */
async function modulesOfRun(extra: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "cc-lazy-"));
  const probe = join(dir, "probe.js");
  const list = join(dir, "modules.json");
  writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const args = ["run", "suites/green.yaml", "--target", api.url, "--collections", "collections", "--schemas", "schemas", "--out", join(dir, "reports"), ...extra];
  await runBuiltCli(args, { cwd: FIXTURES, env: CREDS }); // fills the start-up cache: the run measured below is a warm one
  const run = await runBuiltCli(args, { cwd: FIXTURES, env: { ...CREDS, NODE_OPTIONS: `--require ${probe}` } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return (JSON.parse(readFileSync(list, "utf8")) as string[]).map((file) => relative(ROOT, file));
}

const yamlLib = (m: string) => m.startsWith("node_modules/yaml/");
const gateStage = (m: string) => m.startsWith("dist/gate/");
const htmlReporter = (m: string) => m.startsWith("dist/report/html/");

describe("what a run loads (cold start: modules it does not need are not loaded)", () => {
  it("a plain warm run loads neither yaml, nor the gate, nor the HTML reporter", async () => {
    const loaded = await modulesOfRun([]);
    expect(loaded).toContain("dist/cli/main.js"); // the probe saw the run
    expect(loaded.filter(yamlLib)).toEqual([]);
    expect(loaded.filter(gateStage)).toEqual([]);
    expect(loaded.filter(htmlReporter)).toEqual([]);
  });

  it("loads the HTML reporter when it is named (the probe sees what is loaded)", async () => {
    const loaded = await modulesOfRun(["--reporter", "console,html"]);
    expect(loaded.filter(htmlReporter).length).toBeGreaterThan(0);
  });
});
