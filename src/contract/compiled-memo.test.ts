import { join } from "node:path";
import { loadSchemaFiles, type LoadedSchema } from "../load/schemas";
import type { SchemaCheck } from "../model";
import { createContract } from "./contract";
import { useCompiledSchemaMemo, type CompiledSchemaMemo } from "./schema-validator";

// A --schemas folder from elsewhere is compiled by ajv on its first run; what compiled cleanly is kept as standalone
// code (the CLI keeps it in its start-up cache), so the next run with the same schemas loads that code, not ajv.
const FIXTURE_SCHEMAS = loadSchemaFiles(join(__dirname, "..", "e2e", "fixtures", "schemas")).schemas;

type Kept = { ids: string[]; code: string };

function mapMemo(): CompiledSchemaMemo & { kept: Map<string, Kept>; asked: string[][] } {
  const kept = new Map<string, Kept>();
  const asked: string[][] = [];
  return {
    kept,
    asked,
    get: (key, files) => (asked.push(files), kept.get(key)),
    set: (key, _files, compiled) => kept.set(key, compiled),
  };
}

/** Builds the contract as a run does (every schema compiled up front) and checks each value against `schema`. */
function checks(schemas: LoadedSchema[], schema: string, values: unknown[]): { diagnostics: string[]; results: SchemaCheck[] } {
  const sink: Parameters<typeof createContract>[1] = [];
  const contract = createContract({ schemas, operations: { operations: {} } }, sink);
  const diagnostics = [...sink, ...contract.compileAll()].map((d) => d.code);
  return { diagnostics, results: values.map((v) => contract.validate(schema, v)) };
}

const THINGS = [{ id: "a", name: "b" }, { id: "a", name: "b", extra: 1 }, { id: "", name: 3 }, {}, [], null];

describe("compiled schema sets kept for the next run", () => {
  afterEach(() => useCompiledSchemaMemo(undefined));

  it("keeps a set that compiled cleanly, and the next contract checks with the kept code exactly as compiled", () => {
    const memo = mapMemo();
    useCompiledSchemaMemo(memo);
    const first = checks(FIXTURE_SCHEMAS, "thing", THINGS);
    expect(first.diagnostics).toEqual([]);
    expect(memo.kept.size).toBe(1);
    expect([...memo.kept.values()][0]!.ids.sort()).toEqual(FIXTURE_SCHEMAS.map((s) => s.id).sort());
    expect(first.results.map((r) => r.valid)).toEqual([true, true, false, false, false, false]);
    expect(first.results[1]!.drift).not.toEqual([]);
    const second = checks(FIXTURE_SCHEMAS, "thing", THINGS);
    expect(second).toEqual(first);
    expect(memo.asked).toEqual([FIXTURE_SCHEMAS.map((s) => s.file), FIXTURE_SCHEMAS.map((s) => s.file)]);
  });

  it("uses what the memo holds for exactly these schemas (a stand-in that accepts anything proves it)", () => {
    const memo = mapMemo();
    useCompiledSchemaMemo(memo);
    checks(FIXTURE_SCHEMAS, "thing", []);
    const [key, kept] = [...memo.kept][0]!;
    const yes = "const yes = () => true; " + kept.ids.map((_, i) => `exports.o${i} = yes; exports.c${i} = yes;`).join(" ");
    memo.kept.set(key, { ids: kept.ids, code: yes });
    expect(checks(FIXTURE_SCHEMAS, "thing", [{}]).results[0]!.valid).toBe(true);
    const changed = FIXTURE_SCHEMAS.map((s) => (s.id === "thing.schema.json" ? { ...s, schema: { ...s.schema, title: "changed" } } : s));
    expect(checks(changed, "thing", [{}]).results[0]!.valid).toBe(false); // other schemas: compiled, not taken
  });

  it("compiles again when the kept code does not load, and keeps it anew", () => {
    const memo = mapMemo();
    useCompiledSchemaMemo(memo);
    checks(FIXTURE_SCHEMAS, "thing", []);
    const [key, kept] = [...memo.kept][0]!;
    memo.kept.set(key, { ids: kept.ids, code: "throw new Error('corrupt')" });
    expect(checks(FIXTURE_SCHEMAS, "thing", THINGS).results.map((r) => r.valid)).toEqual([true, true, false, false, false, false]);
    expect(memo.kept.get(key)).toEqual(kept);
  });

  it("keeps no set with a schema that does not compile", () => {
    const memo = mapMemo();
    useCompiledSchemaMemo(memo);
    const broken: LoadedSchema = { file: "/elsewhere/broken.schema.json", id: "broken.schema.json", schema: { $id: "broken.schema.json", $ref: "missing.schema.json" } };
    expect(checks([...FIXTURE_SCHEMAS, broken], "thing", []).diagnostics).toEqual(["CC_SCHEMA_INVALID"]);
    const invalid: LoadedSchema = { file: "/elsewhere/invalid.schema.json", id: "invalid.schema.json", schema: { $id: "invalid.schema.json", type: 12 } };
    expect(checks([...FIXTURE_SCHEMAS, invalid], "thing", []).diagnostics).toEqual(["CC_SCHEMA_INVALID"]);
    expect(memo.kept.size).toBe(0);
  });
});
