import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Diagnostic } from "../model";
import { loadSchemaFiles, type LoadedSchema } from "../load/schemas";
import { createContract } from "./contract";
import { isPackageSchema, useMetaSchemaMemo } from "./schema-validator";

// The tool skips the meta-schema check for its own schemas at run time (it costs more than a short run);
// this test is what keeps a broken file in schemas/ from shipping.
const SCHEMAS = resolve(__dirname, "..", "..", "schemas");

/** Meta-schema problems of each schema, checked with a separate, strict ajv (empty when all are valid). */
function metaProblems(schemas: LoadedSchema[]): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: true });
  addFormats(ajv);
  const problems: string[] = [];
  for (const s of schemas) {
    if (!ajv.validateSchema(s.schema)) problems.push(`${s.id}: ${ajv.errorsText(ajv.errors)}`);
  }
  return problems;
}

describe("schemas/ against the JSON Schema 2020-12 meta-schema", () => {
  const loaded = loadSchemaFiles(SCHEMAS);

  it("loads every schema file without a diagnostic", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.schemas.length).toBeGreaterThan(50);
    expect(loaded.schemas.map((s) => s.id)).toContain("suite.schema.json");
  });

  it("finds every schema valid, the suite schema included", () => {
    expect(metaProblems(loaded.schemas)).toEqual([]);
  });

  it("fails on a schema that breaks the meta-schema", () => {
    const broken: LoadedSchema = { file: join(SCHEMAS, "broken.schema.json"), id: "broken.schema.json", schema: { $id: "broken.schema.json", type: 12, required: "id" } };
    const problems = metaProblems([...loaded.schemas.slice(0, 3), broken]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^broken\.schema\.json: .*type/);
  });

  it("compiles the suite schema in strict mode with the meta-schema check on", () => {
    const suite = loaded.schemas.find((s) => s.id === "suite.schema.json")!;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: true });
    expect(() => ajv.compile(suite.schema)).not.toThrow();
  });
});

describe("which schemas skip the run-time meta-schema check", () => {
  it("trusts only files under the package's schemas/ folder", () => {
    expect(isPackageSchema(join(SCHEMAS, "contact.schema.json"))).toBe(true);
    expect(isPackageSchema(join(SCHEMAS, "callbacks", "opt-in.schema.json"))).toBe(true);
    expect(isPackageSchema(join(SCHEMAS, "..", "elsewhere", "contact.schema.json"))).toBe(false);
    expect(isPackageSchema(`${SCHEMAS}-copy/contact.schema.json`)).toBe(false);
  });

  it("still reports a broken schema from elsewhere when the contract is built", () => {
    const sink: Diagnostic[] = [];
    const bad = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "bad.schema.json", type: 12 };
    createContract({ schemas: [{ file: "/elsewhere/bad.schema.json", id: "bad.schema.json", schema: bad }], operations: { operations: {} } }, sink);
    expect(sink.map((d) => d.code)).toEqual(["CC_SCHEMA_INVALID"]);
  });

  it("remembers only schema sets that passed, and checks a changed set again", () => {
    const seen = new Set<string>();
    const asked: string[] = [];
    useMetaSchemaMemo({ has: (f) => (asked.push(f), seen.has(f)), add: (f) => seen.add(f) });
    try {
      const S = "https://json-schema.org/draft/2020-12/schema";
      const good = [{ file: "/elsewhere/ok.schema.json", id: "ok.schema.json", schema: { $schema: S, $id: "ok.schema.json", type: "string" } }];
      const bad = [{ file: "/elsewhere/ok.schema.json", id: "ok.schema.json", schema: { $schema: S, $id: "ok.schema.json", type: 12 } }];
      const build = (schemas: LoadedSchema[]) => {
        const sink: Diagnostic[] = [];
        createContract({ schemas, operations: { operations: {} } }, sink);
        return sink.map((d) => d.code);
      };
      expect(build(bad)).toEqual(["CC_SCHEMA_INVALID"]);
      expect(seen.size).toBe(0);
      expect(build(good)).toEqual([]);
      expect(seen.size).toBe(1);
      expect(build(good)).toEqual([]);
      expect(build(bad)).toEqual(["CC_SCHEMA_INVALID"]); // a different fingerprint: checked, not taken from the memo
      expect(new Set(asked).size).toBe(2);
    } finally {
      useMetaSchemaMemo(undefined);
    }
  });
});
