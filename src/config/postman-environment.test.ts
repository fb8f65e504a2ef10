import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import { readPostmanEnvironment } from "./postman-environment";
import type { EnvFileRef } from "./run-inputs";

/** A valid first entry, then the case's entry, pretty-printed as Postman exports them. */
function writeEnvironment(entry: unknown, region?: string) {
  const cwd = mkdtempSync(join(tmpdir(), "cc-postman-env-"));
  const text = JSON.stringify({ name: "case", values: [{ key: "PROJECT", value: "p-1", enabled: true }, entry] }, null, 2);
  writeFileSync(join(cwd, "case.json"), text);
  const ref: EnvFileRef = region ? { region, file: "case.json" } : { file: "case.json" };
  const out: Diagnostic[] = [];
  const env = readPostmanEnvironment(ref, cwd, out);
  return { env, out, text };
}

/** Where a fragment is written in the text, 1-based; the fragment is unique in every case below. */
function positionOf(text: string, fragment: string, offsetInFragment: number): { line: number; column: number } {
  const at = text.indexOf(fragment);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at + offsetInFragment);
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}

type Field = "key" | "value" | "enabled";
/** [what, the entry, the field the diagnostic points at (its value), the message] */
const WRONG_FIELDS: Array<[string, Record<string, unknown>, Field, RegExp]> = [
  ["a key that is a number", { key: 7, value: "x" }, "key", /has no "key" string/],
  ["a key that is empty", { key: "", value: "x" }, "key", /has no "key" string/],
  ["a key that is an object", { key: { a: 1 }, value: "x" }, "key", /has no "key" string/],
  ["a value that is an object", { key: "PHONE", value: { n: 1 } }, "value", /"value" of PHONE must be a string/],
  ["a value that is a list", { key: "PHONE", value: ["1"] }, "value", /"value" of PHONE must be a string/],
  ["enabled as a string", { key: "PHONE", value: "1", enabled: "yes" }, "enabled", /"enabled" of PHONE must be true or false/],
  ["enabled as a number", { key: "PHONE", value: "1", enabled: 1 }, "enabled", /"enabled" of PHONE must be true or false/],
  ["a REGION that is not a region", { key: "REGION", value: "mars" }, "value", /^REGION "mars" is not a region$/],
  ["a REGION in capitals", { key: "REGION", value: "EU" }, "value", /^REGION "EU" is not a region$/],
  ...["BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL", "ADMIN_URL"].flatMap((key): Array<[string, Record<string, unknown>, Field, RegExp]> => [
    [`a ${key} that is not a URL`, { key, value: "somewhere" }, "value", new RegExp(`^${key} is not an http\\(s\\) URL$`)],
    [`a ${key} of another scheme`, { key, value: "ftp://files.example.com" }, "value", new RegExp(`^${key} is not an http\\(s\\) URL$`)],
    [`a ${key} with user-info`, { key, value: "https://user:pw-9x@host.example.com" }, "value", new RegExp(`^${key} must not contain user-info`)],
    [`a ${key} with a query`, { key, value: "https://host.example.com/?token=9x" }, "value", new RegExp(`^${key} must not contain a query`)],
    [`a ${key} with a fragment`, { key, value: "https://host.example.com/#9x" }, "value", new RegExp(`^${key} must not contain a fragment`)],
  ]),
];

describe("a Postman environment with a wrong type or value", () => {
  it.each(WRONG_FIELDS)("%s is CC_BAD_ENV_FILE at the file, line and column of the field", (_what, entry, field, message) => {
    const { env, out, text } = writeEnvironment(entry);
    expect(env).toBeUndefined();
    expect(out).toHaveLength(1);
    const fragment = `"${field}": ${JSON.stringify(entry[field], null, 2).split("\n")[0]}`;
    expect(out[0]).toMatchObject({ code: "CC_BAD_ENV_FILE", severity: "error", file: "case.json", ...positionOf(text, fragment, `"${field}": `.length) });
    expect(out[0]?.message).toMatch(message);
    for (const secret of ["pw-9x", "token=9x", "#9x"]) expect(JSON.stringify(out)).not.toContain(secret);
  });

  it.each([["a number", 3], ["null", null], ["a string", "BASE_URL"], ["a list", ["BASE_URL", "x"]]])(
    "an entry that is %s is CC_BAD_ENV_FILE at the entry", (_what, entry) => {
      const { env, out, text } = writeEnvironment(entry);
      expect(env).toBeUndefined();
      const lines = text.split("\n");
      const line = lines.findIndex((l, i) => i > 0 && lines[i - 1]!.trim() === "},") + 1;
      expect(out).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", file: "case.json", line, message: 'values[1] is not an object {"key", "value"}' })]);
    });

  it.each([["an object", "{}"], ["a list", "[]"], ["values as an object", '{"values": {"BASE_URL": "x"}}'], ["values missing", '{"name": "x"}']])(
    "a file that is %s is not a Postman environment", (_what, text) => {
      const cwd = mkdtempSync(join(tmpdir(), "cc-postman-env-"));
      writeFileSync(join(cwd, "e.json"), text);
      const out: Diagnostic[] = [];
      expect(readPostmanEnvironment({ file: "e.json" }, cwd, out)).toBeUndefined();
      expect(out).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", file: "e.json", message: 'environment file e.json: not a Postman environment (no "values" list)' })]);
    });

  it("points at the line and column of a JSON syntax error", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-postman-env-"));
    writeFileSync(join(cwd, "e.json"), '{\n  "values": [\n    {"key": "A", "value": "1"},\n  ]\n}\n');
    const out: Diagnostic[] = [];
    readPostmanEnvironment({ file: "e.json" }, cwd, out);
    expect(out).toEqual([expect.objectContaining({ code: "CC_BAD_ENV_FILE", file: "e.json", line: 4, column: 3, message: "environment file e.json: not valid JSON (value expected)" })]);
  });

  it("a file given for one region whose REGION names another is refused at REGION", () => {
    const { env, out, text } = writeEnvironment({ key: "REGION", value: "us" }, "eu");
    expect(env).toBeUndefined();
    expect(out).toEqual([expect.objectContaining({ message: "REGION is us, but the file was given for region eu", ...positionOf(text, '"value": "us"', 9) })]);
  });
});

describe("a valid Postman environment", () => {
  it("gives every enabled, non-empty value as a variable (numbers and booleans as text) and its secrets", () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-postman-env-"));
    const values = [
      { key: "BASE_URL", value: "http://127.0.0.1:8787/us" }, { key: "PHONE", value: "+46700000001" }, { key: "COUNT", value: 3 },
      { key: "FLAG", value: true }, { key: "OFF", value: "x", enabled: false }, { key: "EMPTY", value: "" },
      { key: "API_KEY", value: "k-123", type: "secret" },
    ];
    writeFileSync(join(cwd, "e.json"), JSON.stringify({ values }));
    const out: Diagnostic[] = [];
    const env = readPostmanEnvironment({ file: "e.json" }, cwd, out);
    expect(out).toEqual([]);
    expect(env?.values).toEqual({ BASE_URL: "http://127.0.0.1:8787/us", PHONE: "+46700000001", COUNT: "3", FLAG: "true", API_KEY: "k-123" });
    expect(env?.secrets).toEqual(["k-123"]);
  });
});
