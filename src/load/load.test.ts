import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { keyPosition, loadCollections, loadSuiteFiles, loadSuiteSchema, parseJsonWithPosition } from "./index";
import { readTextFile } from "./read-file";
import { WHOLE_TEXT_BYTES } from "./suite-files";
import { DiagnosticError } from "../diagnostics";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-load-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("loadSuiteFiles", () => {
  it("expands directories to sorted *.yaml / *.yml files and keeps explicit files", () => {
    mkdirSync(join(dir, "suites"));
    writeFileSync(join(dir, "suites", "b.yml"), "name: b");
    writeFileSync(join(dir, "suites", "a.yaml"), "name: a");
    writeFileSync(join(dir, "suites", "notes.txt"), "x");
    writeFileSync(join(dir, "one.yaml"), "name: one");
    const out = loadSuiteFiles(["suites", "one.yaml", "suites/a.yaml"], dir);
    expect(out.diagnostics).toEqual([]);
    expect(out.files).toEqual([
      { file: "suites/a.yaml", text: "name: a" },
      { file: "suites/b.yml", text: "name: b" },
      { file: "one.yaml", text: "name: one" },
    ]);
  });

  it("reports a missing path as CC_FILE_NOT_FOUND and an empty selection as CC_NO_SUITES", () => {
    const missing = loadSuiteFiles(["nope.yaml"], dir);
    expect(missing.files).toEqual([]);
    expect(missing.diagnostics.map((d) => [d.code, d.file])).toEqual([["CC_FILE_NOT_FOUND", "nope.yaml"]]);
    const empty = loadSuiteFiles([dir], dir);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(["CC_NO_SUITES"]);
  });
});

describe("loadSuiteFiles of a file over 1 MiB", () => {
  it("gives it as a large text, read in pieces of whole characters each time it is asked for", () => {
    const step = "  - name: \"ünïcödé €\"\n    request: Things/Get thing\n";
    const text = `name: big\nsteps:\n${step.repeat(Math.ceil(WHOLE_TEXT_BYTES / Buffer.byteLength(step)) + 1)}`;
    writeFileSync(join(dir, "big.yaml"), text);
    writeFileSync(join(dir, "small.yaml"), "name: small");
    const out = loadSuiteFiles(["big.yaml", "small.yaml"], dir);
    expect(out.diagnostics).toEqual([]);
    const [big, small] = out.files;
    expect(small).toEqual({ file: "small.yaml", text: "name: small" });
    if (big === undefined || typeof big.text === "string") throw new Error("not a large text");
    const pieces = [...big.text.pieces()];
    expect(pieces.length).toBeGreaterThan(16);
    expect(pieces.join("")).toBe(text);
    expect(pieces.some((piece) => piece.includes("\uFFFD"))).toBe(false);
    expect(big.text.whole()).toBe(text);
  });

  it("a large file that went away when it is read again: a diagnostic naming it, not a stack trace", () => {
    writeFileSync(join(dir, "big.yaml"), `name: big\n# ${"x".repeat(WHOLE_TEXT_BYTES)}\n`);
    const [big] = loadSuiteFiles(["big.yaml"], dir).files;
    rmSync(join(dir, "big.yaml"));
    if (big === undefined || typeof big.text === "string") throw new Error("not a large text");
    const large = big.text;
    for (const read of [() => [...large.pieces()], () => large.whole()]) {
      expect(read).toThrow(DiagnosticError);
      expect(read).toThrow("CC_FILE_NOT_FOUND: no such file: big.yaml");
    }
  });
});

describe("loadCollections", () => {
  it("reads every *.postman_collection.json", () => {
    writeFileSync(join(dir, "b.postman_collection.json"), '{"item": []}');
    writeFileSync(join(dir, "a.postman_collection.json"), '{"info": {}}');
    writeFileSync(join(dir, "env.postman_environment.json"), "{}");
    const out = loadCollections(dir);
    expect(out.diagnostics).toEqual([]);
    expect(out.collections.map((c) => [c.file, c.json])).toEqual([
      [join(dir, "a.postman_collection.json"), { info: {} }],
      [join(dir, "b.postman_collection.json"), { item: [] }],
    ]);
  });

  it("reports bad JSON as CC_COLLECTION_INVALID with line and column", () => {
    writeFileSync(join(dir, "x.postman_collection.json"), '{\n  "info": {},\n  "item": [,]\n}');
    const out = loadCollections(dir);
    expect(out.collections).toEqual([]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code: "CC_COLLECTION_INVALID", line: 3, column: 12 });
  });

  it("reports a missing directory or no collection", () => {
    expect(loadCollections(join(dir, "nope")).diagnostics[0]?.code).toBe("CC_FILE_NOT_FOUND");
    expect(loadCollections(dir).diagnostics[0]?.code).toBe("CC_FILE_NOT_FOUND");
  });
});

describe("loadSuiteSchema", () => {
  it("reads the real suite schema of the repository", () => {
    const out = loadSuiteSchema(resolve(__dirname, "../../schemas"));
    expect(out.diagnostics).toEqual([]);
    expect(out.schema?.["$id"]).toBe("suite.schema.json");
  });

  it("reports a missing or broken schema", () => {
    expect(loadSuiteSchema(dir).diagnostics[0]?.code).toBe("CC_FILE_NOT_FOUND");
    writeFileSync(join(dir, "suite.schema.json"), "{ nope");
    expect(loadSuiteSchema(dir).diagnostics[0]).toMatchObject({ code: "CC_SCHEMA_INVALID", line: 1 });
    writeFileSync(join(dir, "suite.schema.json"), "[]");
    expect(loadSuiteSchema(dir).diagnostics[0]?.code).toBe("CC_SCHEMA_INVALID");
  });
});

describe("parseJsonWithPosition", () => {
  it("gives a 1-based position for errors at the end of the text", () => {
    const out = parseJsonWithPosition('{"a":\n');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.line).toBeGreaterThanOrEqual(1);
  });
});

describe("JSON error positions", () => {
  it("finds the offending character", () => {
    const cases: Array<[string, number, number]> = [
      ['{\n  "a": [,]\n}', 2, 9],
      ["{ nope", 1, 3],
      ['{"a": 1,}', 1, 9],
      // Node gives no position here; yaml points at the start of the token that is not JSON (the old scanner: column 10)
      ['{"a": tru}', 1, 7],
      ['{"a": 1} x', 1, 10],
      ['["\\q"]', 1, 4],
    ];
    for (const [text, line, column] of cases) {
      const out = parseJsonWithPosition(text);
      expect(out.ok ? "parsed" : [out.line, out.column]).toEqual([line, column]);
    }
    expect(parseJsonWithPosition('{"a": [1, 2.5e3, true, null, "\\u00e9"]}').ok).toBe(true);
  });
});

describe("keyPosition", () => {
  it("finds a key by its path, not the first text that looks like it", () => {
    const text = '{\n  "properties": {\n    "$id": { "type": "string" }\n  },\n  "$id": "x.schema.json",\n  "operations": { "A/B": {} }\n}';
    expect(keyPosition(text, ["$id"])).toEqual({ line: 5, column: 3 });
    expect(keyPosition(text, ["properties", "$id"])).toEqual({ line: 3, column: 5 });
    expect(keyPosition(text, ["operations", "A/B"])).toEqual({ line: 6, column: 19 });
  });

  it("stops at the deepest key that exists, and at 1:1 when none does", () => {
    const text = '{\n  "operations": {}\n}';
    expect(keyPosition(text, ["operations", "missing"])).toEqual({ line: 2, column: 3 });
    expect(keyPosition(text, ["nope"])).toEqual({ line: 1, column: 1 });
    expect(keyPosition("not json at all {", ["x"])).toEqual({ line: 1, column: 1 });
  });
});

describe("readTextFile", () => {
  it("reports something that is not a readable file as CC_FILE_UNREADABLE", () => {
    expect(readTextFile(dir, "x").diagnostic).toMatchObject({ code: "CC_FILE_UNREADABLE", file: "x" });
    writeFileSync(join(dir, "ok.yaml"), "a: 1");
    expect(readTextFile(join(dir, "ok.yaml"))).toEqual({ text: "a: 1" });
  });
});
