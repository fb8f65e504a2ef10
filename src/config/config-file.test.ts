import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import { CONFIG_FILE } from "./config-file";
import { OPTIONS, type OptionSpec, type OptionType } from "./options";
import { resolveConfig } from "./resolve";

/** Written pretty, with one valid key first, so a value's position is never 1:1 by accident. */
function withConfig(members: Record<string, unknown>, argv: string[] = ["run"], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "cc-config-file-"));
  const text = JSON.stringify({ out: "reports", ...members }, null, 2);
  writeFileSync(join(cwd, CONFIG_FILE), text);
  return { ...resolveConfig({ argv, env, cwd }), text };
}

/** Where `"name": ` is written in the text (1-based), and where its value starts and ends on that line. */
function valueSpan(text: string, name: string): { line: number; from: number; to: number } {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.trimStart().startsWith(`"${name}": `));
  const lead = lines[line]!.indexOf(`"${name}": `) + `"${name}": `.length;
  return { line: line + 1, from: lead + 1, to: lines[line]!.length + 1 };
}

/** JSON values of every kind; which ones each type takes is said again here, independently of convert.ts. */
const JSON_VALUES: Array<[string, unknown]> = [
  ["a whole number", 42], ["a negative number", -1], ["a fraction", 1.5], ["true", true], ["a string", "text"], ["null", null],
  ["an object", { smoke: true }], ["a list with a number", ["a", 1]], ["a list of strings", ["a", "b"]],
  ["an object with an object", { A: { x: 1 } }], ["an object of strings", { A: "1" }],
];

const ACCEPTS: Readonly<Record<OptionType, (v: unknown) => boolean>> = {
  string: (v) => typeof v === "string",
  int: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0,
  number: (v) => typeof v === "number" && v >= 0,
  boolean: (v) => typeof v === "boolean",
  list: (v) => typeof v === "string" || (Array.isArray(v) && v.every((e) => typeof e === "string")),
  repeat: (v) => typeof v === "string" || (Array.isArray(v) && v.every((e) => typeof e === "string")),
  pairs: (v) => (Array.isArray(v) && v.every((e) => typeof e === "string")) ||
    (typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((e) => ["string", "number", "boolean"].includes(typeof e))),
};

const FILE_OPTIONS = OPTIONS.filter((o) => o.key !== "help" && o.key !== "version");
/** Each option under its flag name, and under its camelCase key when that differs. */
const NAMES: Array<[string, OptionSpec]> = FILE_OPTIONS.flatMap((o) => [[o.flag, o] as [string, OptionSpec], ...(o.key !== o.flag ? [[o.key, o] as [string, OptionSpec]] : [])]);

const WRONG_TYPES = NAMES.flatMap(([name, o]) => JSON_VALUES.filter(([, v]) => !ACCEPTS[o.type](v)).map(([what, v]) => [name, what, v, o] as const));

/** Values of the right JSON type that are still wrong, for every option that checks more than a type. */
const WRONG_VALUES: Array<[string, unknown]> = [
  ["target", "mars"], ["target", "ftp://host/x"], ["target", "https://user:pw@host"], ["target", "http://127.0.0.1:1/?key=1"],
  ["region", ["us", "mars"]], ["region", "ap"], ["reporter", ["junt"]], ["reporter", "console,htm"],
  ["concurrency", 0], ["timeout", 0], ["shard", "4/3"], ["shard", "0/2"], ["shard", "half"], ["port", 70000],
  ["callback-url", "not a url"], ["callback-url", "https://hooks.example.com/?token=1"], ["callbackUrl", "mailto:x@y"],
  ["callback-listen", "nohost"], ["callback-listen", "127.0.0.1:99999"], ["callback-listen", "bad host!:1"], ["callbackListen", ":8788"],
  ["env", "mars=a.json"], ["env", ["a.json", "b.json"]], ["env", ["us=a.json", "us=b.json"]], ["env", "eu="],
  ["var", ["1X=2"]], ["var", { PROJECT: "other" }], ["var", ["NO_EQUALS"]], ["var", { "A B": "1" }],
];

function expectPointsAt(diagnostics: Diagnostic[], text: string, name: string): void {
  expect(diagnostics.length).toBeGreaterThanOrEqual(1);
  const span = valueSpan(text, name);
  for (const d of diagnostics) {
    expect(d).toMatchObject({ code: "CC_BAD_OPTION", severity: "error", file: CONFIG_FILE });
    expect(d.line).toBeGreaterThanOrEqual(span.line);
    if (d.line === span.line) {
      expect(d.column).toBeGreaterThanOrEqual(span.from);
      expect(d.column).toBeLessThan(span.to);
    }
    expect(d.message).toContain(`"${name}"`);
  }
}

function expectNoFlagBlamed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    for (const o of OPTIONS) {
      expect(d.message).not.toContain(`--${o.flag}`);
      expect(d.hint ?? "").not.toContain(`--${o.flag}`);
    }
  }
}

describe("the config file: every option with a value of the wrong JSON type", () => {
  it("covers every option of the table with at least two wrong types", () => {
    for (const o of FILE_OPTIONS) expect(WRONG_TYPES.filter(([, , , spec]) => spec === o).length).toBeGreaterThanOrEqual(2);
  });

  it.each(WRONG_TYPES.map(([name, what, v]) => [name, what, v]))('"%s" as %s is rejected at its line and column, naming the key', (name, _what, value) => {
    const { config, diagnostics, text } = withConfig({ [name as string]: value });
    expect(config).toBeUndefined();
    expectPointsAt(diagnostics, text, name as string);
    expectNoFlagBlamed(diagnostics);
  });
});

describe("the config file: values of the right type that are not valid", () => {
  it("covers every option that checks more than its type", () => {
    const keys = new Set(WRONG_VALUES.map(([name]) => FILE_OPTIONS.find((o) => o.flag === name || o.key === name)?.key));
    for (const key of ["target", "region", "reporter", "concurrency", "timeout", "shard", "port", "callbackUrl", "callbackListen", "env", "var"]) expect(keys).toContain(key);
  });

  it.each(WRONG_VALUES)('"%s": %j is rejected at its line and column, naming the key', (name, value) => {
    const { config, diagnostics, text } = withConfig({ [name]: value });
    expect(config).toBeUndefined();
    expectPointsAt(diagnostics, text, name);
    expectNoFlagBlamed(diagnostics);
    expect(JSON.stringify(diagnostics)).not.toContain("pw@");
  });

  it("the same values from the environment name the environment variable, and as flags name the flag", () => {
    const cases: Array<[string, string, string]> = [["CC_TARGET", "mars", "--target"], ["CC_SHARD", "4/3", "--shard"], ["CC_CONCURRENCY", "0", "--concurrency"],
      ["CC_CALLBACK_LISTEN", "nohost", "--callback-listen"], ["CC_REGION", "us,mars", "--region"], ["CC_ENV_FILE", "mars=a.json", "--env"], ["CC_RETRIES", "many", "--retries"]];
    for (const [variable, value, flag] of cases) {
      const fromEnv = resolveConfig({ argv: ["run"], env: { [variable]: value }, cwd: tmpdir() }).diagnostics;
      expect(fromEnv.map((d) => d.message)).toEqual([expect.stringContaining(variable)]);
      expect(fromEnv[0]?.message).not.toContain(flag);
      const fromFlag = resolveConfig({ argv: ["run", flag, value], env: {}, cwd: tmpdir() }).diagnostics;
      expect(fromFlag.map((d) => d.message)).toEqual([expect.stringContaining(flag)]);
    }
  });
});

describe("the config file itself", () => {
  it.each([
    ["a trailing comma", '{\n  "concurrency": 2,\n}\n', 3, 1],
    ["a missing quote", '{\n  "tag": [smoke]\n}\n', 2, 11],
    ["a cut-off file", '{\n  "tag": ["smoke"', 2, 18],
  ])("with %s is a diagnostic at its line and column", (_what, text, line, column) => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-config-file-"));
    writeFileSync(join(cwd, CONFIG_FILE), text);
    const { config, diagnostics } = resolveConfig({ argv: ["run"], env: {}, cwd });
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_OPTION", file: CONFIG_FILE, line, column })]);
    expect(diagnostics[0]?.message).toMatch(/^conversation-contract\.config\.json is not valid JSON: /);
  });

  it("names an unknown key at its position with a did-you-mean", () => {
    const { diagnostics, text } = withConfig({ concurency: 2 });
    expect(diagnostics).toEqual([expect.objectContaining({ message: `${CONFIG_FILE}: unknown option "concurency"`, hint: 'did you mean "concurrency"?', line: 3, column: 3 })]);
    expect(text.split("\n")[2]).toContain('"concurency"');
  });

  it("must hold an object, and may not be a directory", () => {
    expect(withConfig({}).config).toBeDefined();
    const cwd = mkdtempSync(join(tmpdir(), "cc-config-file-"));
    writeFileSync(join(cwd, CONFIG_FILE), "[1]");
    expect(resolveConfig({ argv: ["run"], env: {}, cwd }).diagnostics[0]?.message).toMatch(/must hold a JSON object/);
    const dir = mkdtempSync(join(tmpdir(), "cc-config-file-"));
    mkdirSync(join(dir, CONFIG_FILE));
    expect(resolveConfig({ argv: ["run"], env: {}, cwd: dir }).diagnostics[0]?.message).toBe(`${CONFIG_FILE} is a directory, not a file`);
  });

  it("takes the right types of every kind", () => {
    const { config, diagnostics } = withConfig({
      tag: "smoke,crud", "exclude-tag": ["callbacks"], env: ["us=a.json", "eu=b.json"], var: { PHONE: "+4670", COUNT: 3 },
      concurrency: 2, bail: true, "callback-listen": "[::1]:8788", region: ["us"],
    });
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      tag: ["smoke", "crud"], excludeTag: ["callbacks"], envFiles: [{ region: "us", file: "a.json" }, { region: "eu", file: "b.json" }],
      vars: { PHONE: "+4670", COUNT: "3" }, concurrency: 2, bail: true, callbackListen: { host: "::1", port: 8788 }, region: ["us"],
    });
  });
});
