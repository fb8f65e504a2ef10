import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LineCounter } from "yaml";
import { parseSuite, parseWhole, type SuiteSchema } from "./suite";
import { streamSuite } from "./suite-stream";

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
    if (whole.suite) expect(streamSuite(text, file, new LineCounter())).toBeDefined();
  });

  it.each([1, 255, 257, 258, 259, 700])("a suite of %i steps, in batches, keeps every value and position", (count) => {
    const text = bigSuite(count);
    const whole = parseWhole(text, "big.yaml", schema);
    expect(whole.diagnostics).toEqual([]);
    expect(whole.suite?.steps).toHaveLength(count);
    // a list of 258 steps or more streams (batches of 256, the last two kept back): all but its last step are built
    // from the stream, the last is still in the top-level document; a shorter list stays whole in that document
    expect(streamSuite(text, "big.yaml", new LineCounter())?.built.steps ?? []).toHaveLength(count >= 258 ? count - 1 : 0);
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
