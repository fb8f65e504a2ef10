import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
async function modulesOfRun(
  extra: string[],
  where: { cwd: string; args: string[]; env: Record<string, string> } = fakeApiRun(),
  { warm } = { warm: true },
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "cc-lazy-"));
  const probe = join(dir, "probe.js");
  const list = join(dir, "modules.json");
  writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const args = ["run", ...where.args, "--out", join(dir, "reports"), ...extra];
  if (warm) await runBuiltCli(args, { cwd: where.cwd, env: where.env }); // fills the start-up cache: the run measured below is a warm one
  const run = await runBuiltCli(args, { cwd: where.cwd, env: { ...where.env, NODE_OPTIONS: `--require ${probe}` } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return (JSON.parse(readFileSync(list, "utf8")) as string[]).map((file) => relative(ROOT, file));
}

/** The fixtures' suite, collections and schemas against the fake API. */
function fakeApiRun() {
  return { cwd: FIXTURES, args: ["suites/green.yaml", "--target", api.url, "--collections", "collections", "--schemas", "schemas"], env: CREDS };
}

/** One of the package's suites with its own collections and schemas, against the built-in emulator. */
const emulatorRun = { cwd: ROOT, args: ["suites/app.yaml", "--region", "us"], env: { CI: "true" } };

/** yaml: the build's bundle of it, or the package */
const yamlLib = (m: string) => m === "dist/vendor/yaml.js" || m.startsWith("node_modules/yaml/");
/**
 * ajv itself (its compiler: the build's bundle of it, or the packages); the validators generated at build time need
 * only a few files of ajv/dist/runtime/.
 */
const ajvCompiler = (m: string) =>
  m === "dist/vendor/ajv-compiler.js" || (/^node_modules\/ajv(-formats)?\//.test(m) && !/^node_modules\/ajv\/dist\/runtime\/|package\.json$/.test(m));

/** The fixtures' run with a copy of its schemas plus one schema no other run has: a set the start-up cache never saw. */
function unseenSchemasRun() {
  const schemas = join(mkdtempSync(join(tmpdir(), "cc-lazy-schemas-")), "schemas");
  cpSync(join(FIXTURES, "schemas"), schemas, { recursive: true });
  const id = `unseen-${process.pid}-${Date.now()}.schema.json`;
  writeFileSync(join(schemas, id), JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: id, type: "object" }));
  const run = fakeApiRun();
  return { ...run, args: [...run.args.slice(0, -1), schemas] };
}

describe("what a run loads (cold start: modules it does not need are not loaded)", () => {
  // dist/cli/entry.js is one bundle (.ci/bundle-cli.js) holding the code of dist/ it may load, the gate and the HTML
  // reporter among it, each module still run when first required; the bin, dist/cli/main.js, loads it with the code
  // cache (dist/cli/prepare-cli.js, code-cache.js, dist/load/cache-dir.js): the probe sees those, packages and dist/vendor/ only
  it("a plain warm run loads neither yaml, nor ajv's compiler, nor jsonc-parser, and dist/ as one bundle", async () => {
    const loaded = await modulesOfRun([]);
    expect(loaded).toContain("dist/cli/main.js"); // the probe saw the run
    expect(loaded.filter(yamlLib)).toEqual([]);
    expect(loaded.filter((m) => m.startsWith("dist/") && !/^dist\/(cli\/(main|entry|prepare-cli|code-cache)\.js|load\/cache-dir\.js|vendor\/|contract\/validators\/|check\/matcher-arguments\.generated\.js)/.test(m))).toEqual([]);
    // the fixtures' own --schemas folder: compiled on the first run, loaded from the start-up cache on this one
    expect(loaded.filter(ajvCompiler)).toEqual([]);
    expect(loaded.filter((m) => m.startsWith("node_modules/jsonc-parser/"))).toEqual([]); // no config file to read
    // nothing to parse or compile: of the vendored bundles only the one a run sends with
    expect(loaded.filter((m) => m.startsWith("dist/vendor/"))).toEqual(["dist/vendor/undici-agent.js"]);
  });

  it("a plain warm run with the package's schemas against the emulator compiles no schema: ajv is not loaded", async () => {
    const loaded = await modulesOfRun([], emulatorRun);
    // the run checked replies against the contract, with validators generated at build time
    expect(loaded.filter((m) => m.startsWith("dist/contract/validators/")).length).toBeGreaterThan(0);
    expect(loaded.filter(ajvCompiler)).toEqual([]);
    expect(loaded).toContain("dist/check/matcher-arguments.generated.js"); // matcher arguments were checked, not compiled
  });

  it("compiles the schemas of a --schemas folder it has not seen (the probe sees ajv when it is loaded)", async () => {
    const loaded = await modulesOfRun([], unseenSchemasRun(), { warm: false });
    expect(loaded.filter(ajvCompiler)).toContain("dist/vendor/ajv-compiler.js");
  });

});
