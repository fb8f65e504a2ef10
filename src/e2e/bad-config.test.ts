// Issue 10, item 2 (configuration): a config file or Postman environment value of the wrong type or value stops
// `run` with exit 2 before anything is sent, at the value's file:line:column, and never blames a flag nobody typed.
import { OPTIONS, type OptionType } from "../config/options";
import type { FakeApi } from "./fake-api";
import { cliIn, expectRejected, runArgs, useCountingApiAndWorkspace, type CliResult, type Workspace } from "./bad-input";

const CONFIG = "conversation-contract.config.json";
const ENV = "env.postman_environment.json";

/** JSON values that are not of each option type (as JSON source text). */
const WRONG_TYPE: Readonly<Record<OptionType, string[]>> = {
  string: ["42", "true", "null", "{}", '["a"]', '""', '"  "'],
  int: ['"3"', "-1", "1.5", "true", "1e400", "null"],
  number: ['"x"', "-1", "null", "[]"],
  boolean: ['"yes"', "1", "null", '"true"'],
  list: ['{"smoke": true}', "[1]", "5", '["a", ""]', "null", '""'],
  repeat: ['{"a": 1}', "[true]", "5", '[""]'],
  pairs: ['"A=1"', "5", '{"A": {}}', '{"A": [1]}', "[1]"],
};

/** Values of the right JSON type that are not a value the option takes. */
const WRONG_VALUE: ReadonlyArray<[string, string]> = [
  ["region", '"mars"'], ["region", '["us", "mars"]'], ["target", '"ftp://example.com"'], ["target", '"http://u:p@127.0.0.1/"'],
  ["target", '"mars"'], ["reporter", '"xml"'], ["reporter", '["json", "pdf"]'], ["shard", '"4/3"'], ["shard", '"x"'],
  ["api-version", '"v9"'], ["fail-on", '"sometimes"'], ["callback-url", '"ftp://x"'], ["callback-listen", '"nowhere"'],
  ["port", "99999"], ["concurrency", "0"], ["callback-url", '"http://h/?token=1"'],
];

/** Options a config file may set (help and version are command-line only). */
const FILE_OPTIONS = OPTIONS.filter((o) => o.flag !== "help" && o.flag !== "version");

interface ConfigCase {
  name: string;
  key: string;
  value: string;
}

const CONFIG_CASES: ConfigCase[] = [
  ...FILE_OPTIONS.flatMap((o) => WRONG_TYPE[o.type].map((value) => ({ name: `"${o.flag}": ${value}`, key: o.flag, value }))),
  ...WRONG_VALUE.map(([key, value]) => ({ name: `"${key}": ${value}`, key, value })),
];

/** A pattern for "config.json:2:C" where C is any column of the value on line 2 (a list's bad element, or its start). */
function valuePlace(file: string, line: string, value: string): RegExp {
  const start = line.indexOf(value) + 1;
  const columns = Array.from({ length: value.length }, (_, i) => start + i);
  return new RegExp(`${file.replace(/[.]/g, "\\.")}:2:(${columns.join("|")})$`);
}

/** Flags that appear in the output although the user typed none of them (the test types only runArgs' flags). */
function blamedFlags(result: CliResult, typed: string[]): string[] {
  const flags = result.err.match(/--[a-z][a-z-]+/g) ?? [];
  return flags.filter((f) => !typed.includes(f) && OPTIONS.some((o) => `--${o.flag}` === f));
}

let api: FakeApi;
let ws: Workspace;
useCountingApiAndWorkspace((started) => ({ api, ws } = started));
afterEach(() => {
  ws.remove(CONFIG);
  ws.remove(ENV);
});

it("a good config file and environment file run green against the counting API", async () => {
  ws.write(CONFIG, '{\n  "concurrency": 2\n}\n');
  const before = api.count();
  expect((await cliIn(ws.dir, runArgs(api))).code).toBe(0);
  expect(api.count()).toBeGreaterThan(before);
});

describe.each(CONFIG_CASES)("config file $name", (c) => {
  it("stops run with exit 2 before anything is sent, at the value, naming the key as written", async () => {
    const line = `  "${c.key}": ${c.value}`;
    ws.write(CONFIG, `{\n${line}\n}\n`);
    const before = api.count();
    const args = runArgs(api);
    const result = await cliIn(ws.dir, args);
    expectRejected(result, "CC_BAD_OPTION", valuePlace(CONFIG, line, c.value));
    expect(result.err).toContain(`"${c.key}"`);
    expect(blamedFlags(result, args.filter((a) => a.startsWith("--")))).toEqual([]);
    expect(api.count()).toBe(before);
  });
});

/** One bad entry of a Postman environment: the entry's JSON and the text of it the diagnostic must point at. */
interface EnvCase {
  name: string;
  entry: string;
  at: string;
}

const URL_KEYS = ["BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL"];
const BAD_URLS = ["ftp://example.com", "not a url", "http://user:pw@127.0.0.1", "http://127.0.0.1/?q=1", "http://127.0.0.1/#f", "javascript:alert(1)"];
const ENV_CASES: EnvCase[] = [
  ...["5", "null", "{}", "[]", "true"].map((key) => ({ name: `key ${key}`, entry: `{"key": ${key}, "value": "x"}`, at: key })),
  ...['{"a": 1}', "[1]"].map((value) => ({ name: `PROJECT value ${value}`, entry: `{"key": "PROJECT", "value": ${value}}`, at: value })),
  ...['"yes"', "1", "null"].map((enabled) => ({ name: `enabled ${enabled}`, entry: `{"key": "PROJECT", "value": "p", "enabled": ${enabled}}`, at: enabled })),
  ...['"mars"', '"US "', '"u"', "5"].map((region) => ({ name: `REGION ${region}`, entry: `{"key": "REGION", "value": ${region}}`, at: region })),
  ...URL_KEYS.flatMap((key, i) => BAD_URLS.filter((_, j) => (i + j) % 2 === 0).map((url) => ({
    name: `${key} ${JSON.stringify(url)}`, entry: `{"key": "${key}", "value": ${JSON.stringify(url)}}`, at: JSON.stringify(url),
  }))),
];

function envFile(api: FakeApi, bad: string): string {
  return `{\n  "values": [\n    {"key": "BASE_URL", "value": "${api.url}"},\n    {"key": "AUTH_URL", "value": "${api.url}"},\n    ${bad}\n  ]\n}\n`;
}

it("a good environment file runs green against the counting API", async () => {
  ws.write(ENV, envFile(api, '{"key": "REGION", "value": "us"}'));
  const before = api.count();
  const result = await cliIn(ws.dir, ["run", "suites/green.yaml", "--env", ENV, "--collections", "collections", "--schemas", "schemas", "--reporter", "json", "--out", "reports"]);
  expect(result.code).toBe(0);
  expect(api.count()).toBeGreaterThan(before);
});

describe.each(ENV_CASES)("environment file entry $name", (c) => {
  it("stops run with exit 2 before anything is sent, at the entry's line and column", async () => {
    ws.write(ENV, envFile(api, c.entry));
    const line = `    ${c.entry}`;
    const column = line.indexOf(c.entry) + 1;
    const columns = Array.from({ length: c.entry.length }, (_, i) => column + i);
    const before = api.count();
    const args = ["run", "suites/green.yaml", "--env", ENV, "--collections", "collections", "--schemas", "schemas", "--reporter", "json", "--out", "reports"];
    const result = await cliIn(ws.dir, args);
    expectRejected(result, "CC_BAD_ENV_FILE", new RegExp(`${ENV.replace(/[.]/g, "\\.")}:5:(${columns.join("|")})$`));
    expect(blamedFlags(result, args.filter((a) => a.startsWith("--")))).toEqual([]);
    expect(api.count()).toBe(before);
  });
});
