import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadStandaloneModule } from "../testdata";
import { parseSuite, type SuiteSchema } from "./suite";
import { compileSuiteValidator, suiteSchemaKey, useBuiltSuiteValidator } from "./suite-validator";

const SCHEMA_TEXT = readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8");
const fresh = () => JSON.parse(SCHEMA_TEXT) as SuiteSchema;

// suites that break the format in many ways: every diagnostic kind that comes from schema errors
const BROKEN = [
  "name: x\n",
  "name: x\nsteps:\n  - request: A/b\n",
  "name: x\nsteps:\n  - name: a\n    request: A/b\n    expcet: { status: 200 }\n",
  "name: x\ntags: smoke\nsteps:\n  - { name: a, request: A/b }\n",
  "- a\n",
  "name: x\nauth: oauth\nsteps:\n  - { name: a, request: A/b, expect: { status: 4yy } }\n",
  "name: x\nvariables: { a-b: 1 }\nsteps:\n  - { name: a, request: A/b }\n",
  "name: x\nsteps:\n  - name: a\n    request: A/b\n    expect:\n      body:\n        $.a: { matches: 1 }\n        $.b: { matches: x, eq: 1 }\n        $.c: { nested: plain }\n",
  "name: x\nsteps:\n  - name: a\n    request: A/b\n    expect: { body: { id: 1 } }\n    capture: { ID: id }\n",
  "name: x\nsteps:\n  - name: a\n    callback: { trigger: MESSAGE_DELIVERY, within: 5 }\n    url: x\n",
  "name: x\nsteps:\n  - name: a\n    request: A/b\n    retry: { until: { body: { $.s: { oneOf: 3 } } }, times: -1 }\n",
  "name: x\nsteps:\n  - name: a\n    method: GET\n    url: 3\n    expect: { headers: { a: { contains: [] } }, max_duration_ms: fast }\n",
];

function suitesOnDisk(): string[] {
  const dir = resolve(__dirname, "../../suites");
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => readFileSync(join(dir, f), "utf8"));
}

/** What `npm run build` writes (.ci/gen-validators.js): the standalone source, loaded as a module, with its schema's key. */
function builtModule(source: string, schema: SuiteSchema): unknown {
  return Object.assign(loadStandaloneModule(source), { schemaKey: suiteSchemaKey(schema) });
}

describe("the suite validator generated at build time", () => {
  const compiled = fresh();
  const cached = fresh();
  const source = compileSuiteValidator(fresh());

  it("generates source that loads", () => {
    expect(typeof source).toBe("string");
    expect(useBuiltSuiteValidator(cached, () => builtModule(source!, fresh()))).toBe(true);
  });

  it("gives exactly the diagnostics of the compiled validator", () => {
    for (const text of [...BROKEN, ...suitesOnDisk()]) {
      const want = parseSuite(text, "s.yaml", compiled);
      const got = parseSuite(text, "s.yaml", cached);
      expect({ text, diagnostics: got.diagnostics }).toEqual({ text, diagnostics: want.diagnostics });
      expect(got.suite).toEqual(want.suite);
    }
    expect(BROKEN.every((text) => parseSuite(text, "s.yaml", cached).diagnostics.length > 0)).toBe(true);
  });

  it("keeps the matcher and JSONPath messages, which depend on which part of the schema failed", () => {
    const list = parseSuite(BROKEN[7]!, "s.yaml", cached).diagnostics;
    expect(list.map((d) => d.code)).toEqual(["CC_BAD_MATCHER", "CC_BAD_MATCHER"]);
    expect(list[1]?.message).toContain("exactly one key");
    expect(parseSuite(BROKEN[8]!, "s.yaml", cached).diagnostics.map((d) => d.code)).toEqual(["CC_BAD_JSONPATH", "CC_BAD_JSONPATH"]);
  });

  it("is not used when it was built from another schema, is missing (running from source) or is no validator", () => {
    const target = fresh();
    const older = { ...fresh(), required: ["name"] };
    expect(useBuiltSuiteValidator(target, () => builtModule(source!, older))).toBe(false);
    expect(useBuiltSuiteValidator(target, () => { throw new Error("Cannot find module './suite-validator.generated'"); })).toBe(false);
    expect(useBuiltSuiteValidator(target, () => ({ schemaKey: suiteSchemaKey(target) }))).toBe(false);
    // nothing was registered: the schema is compiled as usual and still rejects a broken suite
    expect(parseSuite("name: x\n", "s.yaml", target).diagnostics.map((d) => d.code)).toEqual(["CC_MISSING_KEY"]);
  });

  it("is what npm run build put into dist/, made from schemas/suite.schema.json", () => {
    const built = resolve(__dirname, "../../dist/parse/suite-validator.generated.js");
    const target = fresh();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(useBuiltSuiteValidator(target, () => require(built))).toBe(true);
    expect(parseSuite(BROKEN[2]!, "s.yaml", target).diagnostics).toEqual(parseSuite(BROKEN[2]!, "s.yaml", fresh()).diagnostics);
  });

  it("returns no source for a schema that does not compile (parseSuite reports it)", () => {
    const broken = { type: "nonsense" };
    expect(compileSuiteValidator(broken)).toBeUndefined();
    expect(parseSuite("name: x\n", "s.yaml", broken).diagnostics.map((d) => d.code)).toEqual(["CC_SCHEMA_INVALID"]);
  });
});
