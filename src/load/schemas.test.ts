import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOperationMap, loadSchemaFiles } from "./schemas";

let dir: string;
const S = "https://json-schema.org/draft/2020-12/schema";
const write = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-schemas-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("loadSchemaFiles", () => {
  it("reads *.schema.json recursively, sorted, with $id as the relative path", () => {
    write("contact.schema.json", JSON.stringify({ $schema: S, $id: "contact.schema.json", type: "object" }));
    write("callbacks/contact-create.schema.json", JSON.stringify({ $id: "callbacks/contact-create.schema.json" }));
    write("operations.json", "{}");
    write("notes.json", "{}");
    const { schemas, diagnostics } = loadSchemaFiles(dir);
    expect(diagnostics).toEqual([]);
    expect(schemas.map((s) => s.id)).toEqual(["callbacks/contact-create.schema.json", "contact.schema.json"]);
    expect(schemas[1]).toMatchObject({ file: join(dir, "contact.schema.json"), schema: { type: "object" } });
  });

  it("turns bad JSON into CC_SCHEMA_INVALID at its line and column, and keeps going", () => {
    write("a.schema.json", '{\n  "$id": "a.schema.json",\n  "type": "object",,\n}');
    write("b.schema.json", JSON.stringify({ $id: "b.schema.json" }));
    const { schemas, diagnostics } = loadSchemaFiles(dir);
    expect(schemas.map((s) => s.id)).toEqual(["b.schema.json"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "CC_SCHEMA_INVALID", file: join(dir, "a.schema.json"), line: 3 });
    expect(diagnostics[0]!.column).toBeGreaterThan(1);
  });

  it("rejects an $id that is not the relative path, pointing at the $id", () => {
    write("callbacks/x.schema.json", '{\n  "title": "x",\n  "$id": "x.schema.json"\n}');
    const { schemas, diagnostics } = loadSchemaFiles(dir);
    expect(schemas).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: "CC_SCHEMA_INVALID", line: 3, column: 3 });
    expect(diagnostics[0]!.message).toContain('must be "callbacks/x.schema.json"');
  });

  it("rejects a missing $id and a file that is not an object", () => {
    write("a.schema.json", "{}");
    write("b.schema.json", "[]");
    const { diagnostics } = loadSchemaFiles(dir);
    expect(diagnostics.map((d) => d.code)).toEqual(["CC_SCHEMA_INVALID", "CC_SCHEMA_INVALID"]);
    expect(diagnostics[0]!.message).toContain("no $id");
  });

  it("reports a missing directory instead of throwing", () => {
    const { schemas, diagnostics } = loadSchemaFiles(join(dir, "nope"));
    expect(schemas).toEqual([]);
    expect(diagnostics[0]!.code).toBe("CC_FILE_NOT_FOUND");
  });
});

describe("loadOperationMap", () => {
  const good = {
    method: "GET",
    host: "conversation",
    path: "/v1/projects/{project_id}/apps",
    responses: { "200": "app-list", "4xx": "error" },
  };

  it("is empty, with CC_OPERATIONS_INVALID, when operations.json is absent (no response could be checked)", () => {
    const { map, diagnostics } = loadOperationMap(dir);
    expect(map).toEqual({ operations: {} });
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_OPERATIONS_INVALID", file: join(dir, "operations.json") })]);
  });

  it("parses a good map", () => {
    write("operations.json", JSON.stringify({ operations: { "Apps/List apps": good } }));
    const { map, diagnostics } = loadOperationMap(dir);
    expect(diagnostics).toEqual([]);
    expect(map.operations["Apps/List apps"]).toEqual(good);
  });

  it("reports bad JSON with its position", () => {
    write("operations.json", '{\n  "operations": {\n    "A/B": }\n}');
    const { map, diagnostics } = loadOperationMap(dir);
    expect(map.operations).toEqual({});
    expect(diagnostics[0]).toMatchObject({ code: "CC_OPERATIONS_INVALID", line: 3 });
  });

  it("reports a bad entry at its key and keeps the good ones", () => {
    const text = JSON.stringify({ operations: { "Apps/List apps": good, "Apps/Broken": { ...good, host: "mars" } } }, null, 2);
    write("operations.json", text);
    const { map, diagnostics } = loadOperationMap(dir);
    expect(Object.keys(map.operations)).toEqual(["Apps/List apps"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "CC_OPERATIONS_INVALID", line: 12 });
    expect(diagnostics[0]!.message).toContain('"Apps/Broken" host must be');
  });

  it("reports a file without an operations object", () => {
    write("operations.json", "[]");
    expect(loadOperationMap(dir).diagnostics[0]!.code).toBe("CC_OPERATIONS_INVALID");
  });
});
