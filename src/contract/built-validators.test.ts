import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadSchemaFiles, type LoadedSchema } from "../load/schemas";
import type { SchemaCheck } from "../model";
import { loadStandaloneModule, SINCH_PAYLOADS_DIR as FIXTURES } from "../testdata";
import { builtContractValidators, compileContractValidators, contractSchemaKey, type BuiltPair } from "./contract-ajv";
import { schemaNameOf } from "./names";
import { SchemaValidator } from "./schema-validator";

const SCHEMAS = resolve(__dirname, "../../schemas");
const schemas = loadSchemaFiles(SCHEMAS).schemas;
const table = JSON.parse(readFileSync(join(__dirname, "fixture-table.json"), "utf8")) as Record<string, string | { schema?: string }>;

/** What `npm run build` writes (.ci/gen-validators.js): one module per schema, loaded here from its source. */
function builtModules(list: LoadedSchema[]): Map<string, BuiltPair> {
  return new Map(compileContractValidators(list).map(({ id, source }) => [id, loadStandaloneModule<BuiltPair>(source)]));
}

const modules = builtModules(schemas);
const index = { schemaKey: contractSchemaKey(schemas), files: Object.fromEntries([...modules.keys()].map((id) => [id, id])) };
const loadPair = (file: string) => modules.get(file)!;

/** Data for a schema: a fixture, the fixture with an unknown field (drift), with each field of the wrong type, and {}. */
function variants(data: unknown): unknown[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [data, {}];
  const fields = Object.keys(data);
  return [data, { ...data, not_in_the_api: 1 }, ...fields.map((f) => ({ ...data, [f]: 12345 })), ...fields.map((f) => ({ ...data, [f]: { x: "y" } })), {}];
}

function cases(): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))) {
    const entry = table[file];
    const schema = typeof entry === "string" ? entry : entry?.schema;
    if (schema === undefined) continue;
    const data = JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as unknown;
    for (const v of variants(data)) out.push([schema, v]);
  }
  for (const s of schemas) out.push([schemaNameOf(s.id), {}], [schemaNameOf(s.id), []]);
  return out;
}

describe("the contract validators generated at build time", () => {
  it("are used only for exactly the schemas they were made from", () => {
    expect(builtContractValidators(schemas, () => index, loadPair)).toBeDefined();
    const changed = schemas.map((s, i) => (i === 0 ? { ...s, schema: { ...s.schema, required: ["added"] } } : s));
    expect(builtContractValidators(changed, () => index, loadPair)).toBeUndefined();
    expect(builtContractValidators(schemas.slice(1), () => index, loadPair)).toBeUndefined();
    expect(builtContractValidators(schemas, () => { throw new Error("not built"); })).toBeUndefined();
  });

  it("give exactly the checks (violations and drift) of the validators compiled at run time", () => {
    const compiled = new SchemaValidator(schemas, [], () => undefined);
    const built = new SchemaValidator(schemas, [], () => builtContractValidators(schemas, () => index, loadPair));
    const results: SchemaCheck[] = [];
    for (const [name, data] of cases()) {
      const got = built.validate(name, data);
      expect({ name, data, got }).toEqual({ name, data, got: compiled.validate(name, data) });
      results.push(got);
    }
    // the comparison covers failing checks and drift, not only passing ones
    expect(results.filter((r) => !r.valid).length).toBeGreaterThan(100);
    expect(results.filter((r) => r.drift.length > 0).length).toBeGreaterThan(50);
    expect(results.filter((r) => r.valid && r.drift.length === 0).length).toBeGreaterThan(50);
  });

  it("say so for a schema they do not hold, like the compiled ones", () => {
    const built = new SchemaValidator(schemas, [], () => builtContractValidators(schemas, () => index, loadPair));
    expect(built.validate("no-such-schema", {})).toMatchObject({ valid: false, violations: [{ keyword: "schema" }] });
  });
});
