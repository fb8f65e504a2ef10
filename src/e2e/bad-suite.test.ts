// Issue 10, item 2 (suite input): an unclosed {{VAR}, an invalid JSONPath, a NUL byte, a YAML tag, an undefined alias are
// rejected by `check` and `run` with exit 2 before anything is sent, pointed at their own line and column (not 1:1).
import type { FakeApi } from "./fake-api";
import { checkArgs, cliIn, expectRejected, placeOf, runArgs, useCountingApiAndWorkspace, type Workspace } from "./bad-input";

const SUITE = "suites/case.yaml";
/** A suite that runs green against the fake API; each @SLOT@ is a place a case writes its bad input into. */
const BASE = `name: Bad input case
tags: [case]
variables:
  SIZE: "@VARIABLE@"
steps:
  - name: create thing
    request: Things/Create thing
    headers: { x-trace: "@HEADER@" }
    query: { q: "@QUERY@" }
    body: { name: "@BODY@", size: 3 }
    expect:
      status: 200
      body:
        "@PATH@": { exists: true }
        $.size: 3
    capture:
      THING: "@CAPTURE@"
  - name: get thing
    request: Things/Get thing
    expect: { status: 200, schema: Thing }
    retry: { until: { body: { "@UNTIL@": { exists: true } } }, attempts: 2, delay_ms: 1 }
teardown:
  - name: delete thing
    request: Things/Delete thing
    expect: { status: 200 }
`;
const GOOD: Record<string, string> = {
  VARIABLE: "3", HEADER: "h", QUERY: "q", BODY: "green", PATH: "$.name", CAPTURE: "$.id", UNTIL: "$.id",
};
const fill = (text: string, slots: Record<string, string>) => text.replace(/@([A-Z]+)@/g, (_, slot: string) => slots[slot] ?? GOOD[slot]!);

/** One bad suite: its text, the code it must be rejected with, and the text its diagnostic must point at. */
interface SuiteCase {
  name: string;
  code: string;
  text: string;
  /** where the diagnostic points: the first place this is written in the file */
  at: string;
}

const TEMPLATE_SLOTS = ["VARIABLE", "HEADER", "QUERY", "BODY"];
const MALFORMED = ["{{PAGE}", "{{ PAGE", "x {{PAGE", "{{}}", "{{ }}", "{{A B}}", "{{A}{{B}}", "{{\tA", "pre {{OK}} {{BAD} post"];
const malformedTemplates: SuiteCase[] = MALFORMED.map((bad, i) => {
  const slot = TEMPLATE_SLOTS[i % TEMPLATE_SLOTS.length]!;
  const written = JSON.stringify(bad).slice(1, -1);
  const firstBad = bad.startsWith("pre") ? "{{BAD}" : written.slice(written.indexOf("{{"));
  return { name: `${slot.toLowerCase()}: ${written}`, code: "CC_BAD_TEMPLATE", text: fill(BASE, { [slot]: written }), at: firstBad };
});

const PATH_SLOTS = ["PATH", "CAPTURE", "UNTIL"];
const BAD_PATHS = ["$.[", "$.a..", "$.a[", "name", "$x", "$.a]", "$['a]", "$[]", "$...a", "$[?(@.x ==)]", "$.a[?(1 +)]", "$[?()]"];
const invalidPaths: SuiteCase[] = BAD_PATHS.map((bad, i) => {
  const slot = PATH_SLOTS[i % PATH_SLOTS.length]!;
  const text = fill(BASE, { [slot]: bad.replace(/"/g, '\\"') });
  return { name: `${slot.toLowerCase()}: ${bad}`, code: "CC_BAD_JSONPATH", text, at: `"${bad}"` };
});

const CONTROL = ["\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u009b", "\ufffe"];
const controlCharacters: SuiteCase[] = CONTROL.map((ch, i) => {
  const slot = Object.keys(GOOD)[i % Object.keys(GOOD).length]!;
  const value = `a${ch}b`;
  return { name: `U+${ch.charCodeAt(0).toString(16).padStart(4, "0")} in ${slot.toLowerCase()}`, code: "CC_YAML_SYNTAX", text: fill(BASE, { [slot]: value }), at: ch };
});

const TAGS = ["!!binary aGVsbG8=", "!!set {a, b}", "!custom x", "!<tag:example.com,2026:x> y", "!!timestamp 2001-12-14", "!!omap [a: 1]"];
const LINES_FOR_TAGS = ["  SIZE: ", "    headers: { x-trace: ", "    body: { name: "];
const yamlTags: SuiteCase[] = TAGS.map((tag, i) => {
  const line = LINES_FOR_TAGS[i % LINES_FOR_TAGS.length]!;
  const slot = ["VARIABLE", "HEADER", "BODY"][i % 3]!;
  const text = fill(BASE, {}).replace(`${line}"${GOOD[slot]!}"`, `${line}${tag}${line.includes("{") ? " " : ""}`);
  return { name: `tag ${tag.split(" ")[0]!}`, code: "CC_YAML_SYNTAX", text, at: tag.split(" ")[0]! };
});

const ALIASES: Array<[string, string, string]> = [
  ["an alias to no anchor", fill(BASE, {}).replace('request: Things/Get thing', "request: *nope"), "*nope"],
  ["an alias before its anchor", fill(BASE, {}).replace('request: Things/Get thing', "request: *later").replace("request: Things/Delete thing", "request: &later Things/Delete thing"), "*later"],
  ["an alias in a flow mapping", fill(BASE, {}).replace('expect: { status: 200, schema: Thing }', "expect: { status: *code }"), "*code"],
];
const undefinedAliases: SuiteCase[] = ALIASES.map(([name, text, at]) => ({ name, code: "CC_YAML_SYNTAX", text, at }));

const CASES = [...malformedTemplates, ...invalidPaths, ...controlCharacters, ...yamlTags, ...undefinedAliases];

let api: FakeApi;
let ws: Workspace;
useCountingApiAndWorkspace((started) => ({ api, ws } = started));

it("the base suite, filled with good values, passes check and runs green (each case below breaks one thing)", async () => {
  ws.write(SUITE, fill(BASE, {}));
  expect((await cliIn(ws.dir, checkArgs(SUITE))).err).toBe("");
  const before = api.count();
  const run = await cliIn(ws.dir, runArgs(api, SUITE));
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: "" });
  expect(api.count()).toBeGreaterThan(before);
});

describe.each(CASES)("suite input: $name", (c) => {
  beforeEach(() => ws.write(SUITE, c.text));

  it("fails check with exit 2 at its own line and column", async () => {
    expectRejected(await cliIn(ws.dir, checkArgs(SUITE)), c.code, placeOf(ws, SUITE, c.at));
  });

  it("fails run with exit 2 before anything is sent", async () => {
    const before = api.count();
    expectRejected(await cliIn(ws.dir, runArgs(api, SUITE)), c.code, placeOf(ws, SUITE, c.at));
    expect(api.count()).toBe(before);
  });
});
