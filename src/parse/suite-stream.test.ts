import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LineCounter } from "yaml";
import { parseSuite, parseWhole, type SuiteSchema } from "./suite";
import { streamSuite } from "./suite-stream";
import type { LargeText, Phase, Step } from "../model";
import { INPUT_LIMITS } from "../vocabulary/input-limits";

const ROOT = resolve(__dirname, "../..");
const schema = JSON.parse(readFileSync(join(ROOT, "schemas/suite.schema.json"), "utf8")) as SuiteSchema;

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((name) => name.endsWith(".yaml")).map((name) => `${dir}/${name}`);
}

/** A suite of `count` steps of several shapes, with comments between and inside items, and a phase list at indent 0. */
function bigSuite(count: number): string {
  const lines = ["# a large suite", "name: Big", "tags: [big]", "setup:", "- request: Things/Create thing", "  capture: { FIRST: $.id }", "steps:"];
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) lines.push(`  - name: create ${i}`, "    request: Things/Create thing", `    body: { name: "thing ${i}", tags: [a, "b"] }`, "    expect: { status: 200 }", "    capture: { THING: $.id }");
    else if (i % 3 === 1) lines.push(`  # about step ${i}`, `  - name: "get ${i}"  # trailing`, "    request: Things/Get thing", "    expect:", "      status: [200, 2xx]", "      body:", "        $.id: { exists: true }", "");
    else lines.push(`  - name: inline ${i}`, "    method: GET", "    url: \"{{BASE_URL}}/things/{{THING}}\"", "    body: |", "      literal", "      text", "        # not a comment");
  }
  lines.push("      # an indented comment after the last step", "teardown:", "  - name: bye", "    request: Things/Get thing", "variables: { X: 1 }");
  return `${lines.join("\n")}\n`;
}

describe("parseSuite streams a suite's steps and builds what the whole document gives", () => {
  const files = [...yamlFiles("suites"), ...yamlFiles("src/e2e/fixtures/suites"), ...yamlFiles("src/e2e/fixtures/html")];

  it.each(files)("%s", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const whole = parseWhole(text, file, schema);
    expect(parseSuite(text, file, schema)).toEqual(whole);
    // a valid suite is built from the stream, not from the whole-document parse
    if (whole.suite) expect(streamSuite([text], file, new LineCounter())).toBeDefined();
  });

  it.each([1, 255, 257, 258, 259, 700])("a suite of %i steps, in batches, keeps every value and position", (count) => {
    const text = bigSuite(count);
    const whole = parseWhole(text, "big.yaml", schema);
    expect(whole.diagnostics).toEqual([]);
    expect(whole.suite?.steps).toHaveLength(count);
    // a list of 258 steps or more streams (batches of 256, the last two kept back): all but its last step are built
    // from the stream, the last is still in the top-level document; a shorter list stays whole in that document
    expect(streamSuite([text], "big.yaml", new LineCounter())?.built.steps ?? []).toHaveLength(count >= 258 ? count - 1 : 0);
    expect(parseSuite(text, "big.yaml", schema)).toEqual(whole);
  });

  it.each([
    ["a YAML error in a later batch", (t: string) => t.replace("  - name: inline 500", "  - name: [inline 500")],
    ["an alias to an anchor of another batch", (t: string) => t.replace("tags: [a, \"b\"] }", "tags: &T [a] }").replace("name: inline 500", "name: *T")],
    ["a schema error in a later batch", (t: string) => t.replace("    request: Things/Get thing\n    expect:\n      status: [200, 2xx]", "    request: Things/Get thing\n    expect:\n      status: [200, 2xx]\n      colour: red")],
    ["a malformed template", (t: string) => t.replace("{{THING}}", "{{THING")],
    ["a duplicate key", (t: string) => t.replace("  - name: inline 650", "  - name: inline 650\n    name: again")],
    ["a second document", (t: string) => `${t}---\nname: other\n`],
  ])("%s: the diagnostics are those of the whole document", (_what, edit) => {
    const text = edit(bigSuite(700));
    const whole = parseWhole(text, "big.yaml", schema);
    expect(whole.diagnostics.length).toBeGreaterThan(0);
    expect(parseSuite(text, "big.yaml", schema)).toEqual(whole);
  });
});

describe("parseSuite with a sink", () => {
  /** parseSuite with a sink that records what it was given, batch by batch. */
  function sunk(text: string, suiteSchema: SuiteSchema = schema) {
    const batches: Array<{ phase: Phase; steps: Step[] }> = [];
    const parsed = parseSuite(text, "big.yaml", suiteSchema, (phase, steps) => batches.push({ phase, steps }));
    const given = (phase: Phase) => batches.filter((b) => b.phase === phase).flatMap((b) => b.steps);
    return { parsed, batches, given };
  }

  it.each([1, 257, 700])("a suite of %i steps gives every step to it, in order within each phase, a batch at a time, and comes back without steps", (count) => {
    const text = bigSuite(count);
    const whole = parseWhole(text, "big.yaml", schema).suite!;
    const { parsed, batches, given } = sunk(text);
    expect(parsed.sunk).toBe(true);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.suite).toEqual({ ...whole, setup: [], steps: [], teardown: [] });
    for (const phase of ["setup", "steps", "teardown"] as const) expect(JSON.stringify(given(phase))).toBe(JSON.stringify(whole[phase]));
    // streamed: the batches of the stream (256 steps), then what was left in the top-level document
    expect(Math.max(...batches.map((b) => b.steps.length))).toBe(count >= 258 ? 256 : count);
  });

  it("checks each batch against the schema: a schema error in a later batch is reported as the whole document gives it, and nothing is sunk", () => {
    const late = '  - name: "get 601"  # trailing\n    request: Things/Get thing\n    expect:\n      status: [200, 2xx]';
    const text = bigSuite(700).replace(late, `${late}\n      colour: red`);
    expect(text).toContain("colour: red");
    const { parsed } = sunk(text);
    expect(parsed.sunk).toBeUndefined();
    expect(parsed).toEqual(parseWhole(text, "big.yaml", schema));
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
  });

  it("with a schema whose phase lists say more than their items (maxItems), checks the suite whole and still gives every step", () => {
    const properties = schema["properties"] as Record<string, Record<string, unknown>>;
    const strict = { ...schema, properties: { ...properties, steps: { ...properties["steps"], maxItems: 600 } } } as SuiteSchema;
    expect(sunk(bigSuite(600), strict).given("steps")).toHaveLength(600);
    const over = sunk(bigSuite(700), strict);
    expect(over.parsed.sunk).toBeUndefined();
    expect(over.parsed.diagnostics.map((d) => d.code)).toEqual(parseWhole(bigSuite(700), "big.yaml", strict).diagnostics.map((d) => d.code));
    expect(over.parsed.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("parseSuite of a large text, read in pieces", () => {
  /** The text as a large file gives it: in pieces of `size` characters; reading it whole is counted. */
  function inPieces(text: string, size: number) {
    const reads = { whole: 0, pieces: 0 };
    const large: LargeText = {
      *pieces() {
        for (let at = 0; at < text.length; at += size) {
          reads.pieces += 1;
          yield text.slice(at, at + size);
        }
      },
      whole() {
        reads.whole += 1;
        return text;
      },
    };
    return { large, reads };
  }

  const files = [...yamlFiles("suites"), ...yamlFiles("src/e2e/fixtures/suites")];

  it.each(files)("%s in pieces of 1 and 7 characters: what the whole text gives, never read whole when clean", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const whole = parseSuite(text, file, schema);
    for (const size of [1, 7]) {
      const { large, reads } = inPieces(text, size);
      expect(parseSuite(large, file, schema)).toEqual(whole);
      if (whole.suite) expect(reads.whole).toBe(0);
    }
  });

  it.each([1, 5, 4096])("a suite of 700 steps in pieces of %i characters streams every step from the pieces", (size) => {
    const text = bigSuite(700);
    const { large, reads } = inPieces(text, size);
    expect(parseSuite(large, "big.yaml", schema)).toEqual(parseWhole(text, "big.yaml", schema));
    expect(reads.whole).toBe(0);
  });

  const deep = (depth: number) => `name: Deep\nsteps:\n  - request: Things/Get thing\n    body: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
  // an alias makes the whole file decide (yaml bounds alias expansion per document); any other problem too
  it.each([
    ["a character YAML forbids in a later piece", bigSuite(700).replace("name: inline 500", "name: inline\u0000 500"), 1, false],
    ["flow collections nested past the limit, across pieces", deep(INPUT_LIMITS.nesting + 1), 1, false],
    ["an alias to an anchor of another piece", bigSuite(700).replace('tags: [a, "b"] }', "tags: &T [a] }").replace("name: inline 500", "name: *T"), 1, false],
    ["an alias to an anchor of the same step", bigSuite(700).replace('name: "thing 3", tags: [a, "b"] }', 'name: &N "thing 3", tags: [*N] }'), 1, true],
    ["a malformed template in a later piece", bigSuite(700).replace("{{THING}}", "{{THING"), 1, false],
    // a quote goes on past a line break that follows a backslash: its brackets are not flow collections
    ["quoted brackets past a line break after a backslash", bigSuite(300).replace(/url: "\{\{BASE_URL\}\}\/things\/\{\{THING\}\}"/g, 'url: "{{BASE_URL}}/[[[\\\n      [[[/{{THING}}"'), 0, true],
  ] as const)("%s: what the whole text gives (read whole %d times)", (_what, text, wholeReads, clean) => {
    const whole = parseSuite(text, "big.yaml", schema);
    expect(whole.suite !== undefined).toBe(clean);
    for (const size of [3, 64]) {
      const { large, reads } = inPieces(text, size);
      expect(parseSuite(large, "big.yaml", schema)).toEqual(whole);
      expect(reads.whole).toBe(wholeReads);
    }
  });

  it("flow collections nested past the limit over many lines stop the stream at the piece that passes it", () => {
    const text = `name: Deep\nsteps:\n  - request: Things/Get thing\n    body:\n${"      [\n".repeat(50_000)}`;
    // pieces of 64 characters: 7 lines each, the limit passed in the tenth (of 7,000)
    const { large, reads } = inPieces(text, 64);
    const parsed = parseSuite(large, "deep.yaml", schema);
    expect(reads.pieces).toBeLessThan(12);
    expect(parsed.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual([`CC_INPUT_LIMIT ${5 + INPUT_LIMITS.nesting}`]);
  });
});
